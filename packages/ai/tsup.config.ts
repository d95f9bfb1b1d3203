import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';
export default defineConfig(packageConfig({ index: 'src/index.ts', anthropic: 'src/anthropic.ts', 'ai-sdk': 'src/ai-sdk.ts' }));
