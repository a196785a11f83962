// Filled in by the envelope work: cores of this area.
export {};
