import { facilityStatuses, facilityTypes, ownerships } from '@ansinh/schemas/facility';
import { Fieldset, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import { CommuneSelect, ProvinceSelect } from './AdminUnitSelects.tsx';
import type { FacilityForm, FacilityFormState } from './facility-form.ts';

type Field = keyof FacilityFormState;

export interface FieldAccess {
  /** Not shown at all, e.g. ownership and status that the server sets for an operator's new facility. */
  hidden?: readonly Field[];
  /** Shown but read-only, e.g. licensing details that only the department may change. */
  locked?: readonly Field[];
}

// Vietnamese number style in inputs too: 1.250,5 m².
const numberStyle = { thousandSeparator: '.', decimalSeparator: ',', hideControls: true } as const;

export function FacilityFormFields({ form, hidden = [], locked = [] }: FieldAccess & { form: FacilityForm }) {
  const { t } = useTranslation();
  const label = (field: Field) => t(`facility.fields.${field}`);
  // A controlled form re-renders on every change, so inputs need no `form.key()` to pick values up.
  const input = (field: Field) => ({ ...form.getInputProps(field), disabled: locked.includes(field) });
  const shown = (field: Field) => !hidden.includes(field);
  const values = form.getValues();

  return (
    <Stack>
      <Fieldset legend={t('facility.detail.general')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label('code')} required {...input('code')} />
          <TextInput label={label('name')} required {...input('name')} />
          <Select
            label={label('type')}
            required
            data={facilityTypes.map((value) => ({ value, label: t(`facility.types.${value}`) }))}
            {...input('type')}
          />
          {shown('status') && (
            <Select
              label={label('status')}
              required
              allowDeselect={false}
              data={facilityStatuses.map((value) => ({ value, label: t(`facility.statuses.${value}`) }))}
              {...input('status')}
            />
          )}
          {shown('ownership') && (
            <Select
              label={label('ownership')}
              required
              allowDeselect={false}
              data={ownerships.map((value) => ({ value, label: t(`facility.ownerships.${value}`) }))}
              {...input('ownership')}
            />
          )}
          {values.ownership === 'non_public' && (
            <TextInput label={label('operatorOrganisation')} required {...input('operatorOrganisation')} />
          )}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('facility.detail.location')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ProvinceSelect
            label={label('provinceCode')}
            allowDeselect={false}
            {...input('provinceCode')}
            onChange={(provinceCode) => form.setValues({ provinceCode, communeCode: null })}
          />
          <CommuneSelect
            label={label('communeCode')}
            required
            provinceCode={values.provinceCode}
            {...input('communeCode')}
          />
          <TextInput label={label('address')} {...input('address')} />
          <TextInput label={label('phone')} type="tel" {...input('phone')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('facility.detail.establishment')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label('decisionNumber')} {...input('decisionNumber')} />
          <DateField label={label('decisionDate')} clearable {...input('decisionDate')} />
          <NumberInput
            label={label('licensedCapacity')}
            required
            min={0}
            allowDecimal={false}
            {...numberStyle}
            {...input('licensedCapacity')}
          />
          <NumberInput label={label('landAreaM2')} min={0} {...numberStyle} {...input('landAreaM2')} />
          <NumberInput label={label('bedroomAreaM2')} min={0} {...numberStyle} {...input('bedroomAreaM2')} />
          <VndInput
            label={label('careCostVnd')}
            description={t('facility.form.careCostHint')}
            {...input('careCostVnd')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
