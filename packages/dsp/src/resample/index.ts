// Filled in by the resample work: cores of this area.
export {};
