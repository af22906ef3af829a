"""Knowledge packs: people, offices and places with dates."""
