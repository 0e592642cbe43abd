import './checkbox.css';
import { Checkbox, CheckboxGroup as AriaCheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

export interface CheckboxOption {
  id: string;
  label: string;
}

export interface CheckboxGroupProps {
  label: string;
  options: readonly CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  description?: string;
  errorMessage?: string | null;
}

/** Several choices from a short list (React Aria CheckboxGroup: a labelled group of checkboxes). */
export function CheckboxGroup({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
}: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup
      className="field checkbox-group"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      {options.map((option) => (
        <Checkbox key={option.id} value={option.id} className="checkbox">
          <span className="checkbox__box" aria-hidden="true" />
          <span>{option.label}</span>
        </Checkbox>
      ))}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaCheckboxGroup>
  );
}
