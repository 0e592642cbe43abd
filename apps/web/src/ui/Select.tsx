import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  type Key,
} from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  errorMessage?: string | null;
  isRequired?: boolean;
  name?: string;
}

/** A labelled single choice from a list (React Aria Select: a button and a listbox popover). */
export function Select({
  label,
  options,
  value,
  onChange,
  placeholder,
  errorMessage,
  isRequired,
  name,
}: SelectProps) {
  return (
    <AriaSelect
      className="field"
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      name={name}
      placeholder={placeholder}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Button className="field__input select__button">
        <SelectValue />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
