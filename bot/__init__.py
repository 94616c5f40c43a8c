"""Bot francophone sur les partenariats de sécurité de l'Azerbaïdjan."""
