import { defineConfig } from 'tsup';
import { satelliteConfigs } from '../../tsup.base.js';
export default defineConfig(
  satelliteConfigs({
    root: { name: 'internal', source: 'src/bundle.ts', types: 'src/internal.ts' },
    satellites: {
      index: 'src/index.ts',
      schemas: 'src/schemas.ts',
      testing: 'src/testing/index.ts',
      skills: 'src/skills.ts',
      tasks: 'src/tasks.ts',
      apps: 'src/apps.ts',
    },
    lazy: { 'legacy-session': 'src/legacy/legacy-session.ts', 'modern-session': 'src/modern/modern-session.ts' },
  }),
);
