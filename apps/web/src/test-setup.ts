import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { addMessages } from './i18n/catalogue';
import { extendedMessages } from './i18n/extended-catalogue';

// Pages are rendered directly here, not through the routes that load the catalogue's second part.
addMessages(extendedMessages);

afterEach(() => cleanup());
