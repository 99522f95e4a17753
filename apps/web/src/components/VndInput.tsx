import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Whole đồng with Vietnamese thousands separators: 2.500.000 đ. */
export function VndInput(props: NumberInputProps) {
  return (
    <NumberInput
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator="."
      decimalSeparator=","
      suffix=" đ"
      hideControls
      {...props}
    />
  );
}
