// Filled in by the stats work: cores of this area.
export {};
