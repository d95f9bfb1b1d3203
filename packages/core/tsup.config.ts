import { defineConfig } from 'tsup';
import { satelliteConfigs } from '../../tsup.base.js';
export default defineConfig(
  satelliteConfigs(
    { index: 'src/index.ts', internal: 'src/internal.ts', schemas: 'src/schemas.ts' },
    { testing: 'src/testing/index.ts', skills: 'src/skills.ts', tasks: 'src/tasks.ts', apps: 'src/apps.ts' },
  ),
);
