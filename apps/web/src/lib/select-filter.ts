import { foldDiacritics } from '@ansinh/domain/text';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** Lets people type "dong hy" for "Đồng Hỷ" in a select, the same way the server search works. */
export const diacriticInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const query = foldDiacritics(search.trim());
  const matches = (option: ComboboxItem) => foldDiacritics(option.label).includes(query);
  // Grouped options (models by category, say) keep their groups, each with the options that match.
  return options.flatMap((option: ComboboxParsedItem): ComboboxParsedItem[] => {
    if ('group' in option) {
      const items = option.items.filter(matches);
      return items.length > 0 ? [{ ...option, items }] : [];
    }
    return matches(option) ? [option] : [];
  });
};

// For options the server already matched ignoring diacritics; filtering again here would undo that.
export const keepServerResults: OptionsFilter = ({ options }) => options;
