import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';

type MonthFieldProps = Omit<MonthPickerInputProps, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM */
  value: string;
  onChange: (month: string) => void;
};

/** A month as MM/YYYY; the picker works with the month's first day, the API with YYYY-MM. */
export function MonthField({ value, onChange, ...props }: MonthFieldProps) {
  return (
    <MonthPickerInput
      valueFormat="MM/YYYY"
      {...props}
      value={`${value}-01`}
      onChange={(date) => date && onChange(date.slice(0, 7))}
    />
  );
}
