import { ParameterError } from '@sensorkit/dsp';

/** A C array initializer body: the values, `perLine` to a line, indented two spaces. */
export function cValues(values: ArrayLike<number | string>, perLine = 16): string {
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += perLine) {
    lines.push(`  ${Array.from({ length: Math.min(perLine, values.length - i) }, (_, j) => String(values[i + j])).join(', ')},`);
  }
  return lines.join('\n');
}

/** `static const <type> <name>[<n>] = { ... };` */
export function cArray(type: string, name: string, values: ArrayLike<number>): string {
  return `static const ${type} ${name}[${values.length}] = {\n${cValues(values)}\n};\n`;
}

/** A float literal that reads back as the same float32 (9 significant digits). */
export function cFloat(value: number): string {
  const text = Math.fround(value).toPrecision(9);
  return `${text.includes('e') || text.includes('.') ? text : `${text}.0`}f`;
}

/** A C identifier from a user's model name, or an error naming it. */
export function requireCIdentifier(block: string, name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new ParameterError(block, 'name', name, 'a C identifier (letters, digits and _, not starting with a digit, at most 63)');
  }
  return name;
}
