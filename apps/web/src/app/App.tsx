import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import {
  createBrowserRouter,
  Outlet,
  RouterProvider,
  useHref,
  useNavigate,
  type NavigateOptions,
} from 'react-router';
import { SessionProvider } from '../auth/session';
import { createApolloClient } from './apollo';
import { routes } from './routes';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

/** React Aria's links and buttons navigate through React Router. */
function AriaRouting() {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    </AriaRouterProvider>
  );
}

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  const router = useMemo(() => createBrowserRouter([{ element: <AriaRouting />, children: routes }]), []);
  return (
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
