import type { ComponentType } from 'react';

/** A route's `lazy` loader for a page module whose default export is the page component. */
export const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});
