import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { addMessages } from './i18n/catalogue';
import { extendedMessages } from './i18n/extended-catalogue';

// Pages are rendered directly here, not through the routes that load the catalogue's second part.
addMessages(extendedMessages);

afterEach(() => cleanup());

// findBy… and waitFor wait up to 5 s (the default 1 s is too short for a dialog's chunk on this
// 2-core machine while the gate runs test files in parallel).
configure({ asyncUtilTimeout: 5_000 });
