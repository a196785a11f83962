// Filled in by the normalize work: cores of this area.
export {};
