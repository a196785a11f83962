import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The full path of an executable named `name` in the folders of `pathList` (a PATH value), or
 * undefined. A name with a slash is checked as given, as a shell would.
 * @example
 * findExecutable('sox', process.env.PATH); // '/usr/bin/sox'
 */
export function findExecutable(name: string, pathList: string | undefined): string | undefined {
  if (name.includes('/') || isAbsolute(name)) return isExecutableFile(name) ? name : undefined;
  for (const dir of (pathList ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
