import { foldDiacritics } from '@ansinh/domain/text';
import type { OptionsFilter } from '@mantine/core';

/** Lets people type "dong hy" for "Đồng Hỷ" in a select, the same way the server search works. */
export const diacriticInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const query = foldDiacritics(search.trim());
  return options.filter((option) => 'label' in option && foldDiacritics(option.label).includes(query));
};

// For options the server already matched ignoring diacritics; filtering again here would undo that.
export const keepServerResults: OptionsFilter = ({ options }) => options;
