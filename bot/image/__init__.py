"""Pictures (/carte, /frise): drawn with matplotlib, imported only when a picture is asked for."""
