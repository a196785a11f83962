// Filled in by the filters work: cores of this area.
export {};
