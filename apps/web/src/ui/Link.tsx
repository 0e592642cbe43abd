import { Link as AriaLink, type LinkProps } from 'react-aria-components';

/** A link within the app (navigates through the router, see app/App.tsx's RouterProvider). */
export function Link({ className, ...props }: LinkProps) {
  return <AriaLink {...props} className={['link', className ?? ''].filter(Boolean).join(' ')} />;
}
