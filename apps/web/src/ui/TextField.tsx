import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: ReactNode;
  /** A message from the server or the form's own check, shown at the field and announced. */
  errorMessage?: string | null;
  multiline?: boolean;
  placeholder?: string;
}

/** A labelled text field; its error (the API's or the form's) is shown at the field. */
export function TextField({
  label,
  description,
  errorMessage,
  multiline,
  placeholder,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className="field"
      isInvalid={Boolean(errorMessage) || props.isInvalid}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {multiline ? (
        <TextArea className="field__input" placeholder={placeholder} rows={4} />
      ) : (
        <Input className="field__input" placeholder={placeholder} />
      )}
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
