import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { loadStrings, STRING_SECTIONS } from '../../src/ui/i18n/index.ts';

// The app loads a screen's texts with the screen (AppShell's lazy loaders); tests render
// screens directly, so every section is there from the start.
await loadStrings(...STRING_SECTIONS);

afterEach(() => cleanup());
