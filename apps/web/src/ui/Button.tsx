import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
  /** Large (the door's touch targets): at least 48 px high. */
  large?: boolean;
}

/** A button (React Aria: press events for mouse, touch and keyboard alike, a visible focus ring). */
export function Button({ variant = 'primary', large, className, ...props }: ButtonProps) {
  const classes = ['button', `button--${variant}`, large ? 'button--large' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <AriaButton {...props} className={classes} />;
}
