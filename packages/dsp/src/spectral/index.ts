// Filled in by the spectral work: cores of this area.
export {};
