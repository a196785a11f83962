export { createProgram } from './program.js';
export { runCli } from './main.js';
