import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';
export default defineConfig(
  packageConfig({
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    testing: 'src/testing/index.ts',
    internal: 'src/internal.ts',
    skills: 'src/skills.ts',
    tasks: 'src/tasks.ts',
    apps: 'src/apps.ts',
  }),
);
