import {
  Button,
  ComboBox as AriaComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';

export interface ComboBoxOption {
  id: string;
  label: string;
  /** A second line in the list (for example the county). */
  detail?: string;
}

export interface ComboBoxProps {
  label: string;
  options: readonly ComboBoxOption[];
  selectedKey: string | null;
  onSelectionChange: (key: string | null) => void;
  inputValue?: string;
  onInputChange?: (value: string) => void;
  /** Keep what was typed even when it matches no option (a new organisation, say). */
  allowsCustomValue?: boolean;
  description?: string;
  errorMessage?: string | null;
  isRequired?: boolean;
  /** The options are already filtered (by the server); otherwise React Aria filters them as you type. */
  filtered?: boolean;
}

/** An autocomplete (React Aria ComboBox: listbox semantics, arrow keys, screen-reader announcements). */
export function ComboBox(props: ComboBoxProps) {
  const { label, options, selectedKey, onSelectionChange, description, errorMessage } = props;
  return (
    <AriaComboBox
      className="field"
      items={options}
      selectedKey={selectedKey}
      onSelectionChange={(key: Key | null) => onSelectionChange(key === null ? null : String(key))}
      inputValue={props.inputValue}
      onInputChange={props.onInputChange}
      allowsCustomValue={props.allowsCustomValue}
      isInvalid={Boolean(errorMessage)}
      isRequired={props.isRequired}
      validationBehavior="aria"
      menuTrigger="focus"
      defaultFilter={props.filtered ? () => true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <div className="combobox">
        <Input className="field__input combobox__input" />
        <Button className="combobox__button" aria-hidden="true" excludeFromTabOrder>
          ▾
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(option: ComboBoxOption) => (
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              <span>{option.label}</span>
              {option.detail ? <span className="listbox__detail">{option.detail}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
