// Signal generators: specs, the pure generator core, the compact CLI grammar, and the live source.
export * from './signal-spec.js';
export * from './signal-plan.js';
export * from './signal-component.js';
export * from './signal-generator.js';
export * from './parse-signal-spec.js';
export * from './generator-source.js';
