import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';
export default defineConfig(
  packageConfig({ index: 'src/index.ts', anthropic: 'src/anthropic.ts', openai: 'src/openai.ts', 'ai-sdk': 'src/ai-sdk.ts' }),
);
