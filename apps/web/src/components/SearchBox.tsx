import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

interface SearchBoxProps {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (search: string) => void;
}

/** Typing updates the list after a pause instead of querying the server on every keystroke. */
export function SearchBox({ label, placeholder, value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 350);
  // The search the list currently shows, to tell our own updates from Back/Forward changing the address.
  const applied = useRef(value);

  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    setText(value);
  }, [value]);
  useEffect(() => {
    if (debounced === applied.current) return;
    applied.current = debounced;
    onSearch(debounced);
  }, [debounced, onSearch]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
    />
  );
}
