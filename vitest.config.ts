import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/{src,test}/**/*.test.ts',
      'apps/*/{src,test}/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Tests run against the TypeScript sources (package exports point at src/), never a build.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
