// Datasets: the folder layout with its manifest, the recorder that writes it, the loader that reads it.
export {};
