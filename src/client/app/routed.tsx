import { RouterProvider } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { makeRouter } from './router';

/**
 * The routed app as one component. It is its own chunk: the enrol and login
 * screens, which come first, need no router at all.
 */
export function routedApp(): ComponentType {
  const router = makeRouter();
  return function RoutedApp() {
    return <RouterProvider router={router} />;
  };
}
