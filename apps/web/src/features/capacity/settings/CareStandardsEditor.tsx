import {
  type MentalIllnessSeverity,
  mentalIllnessSeverityValues,
  type RatioRole,
  type ResidentMatch,
  ratioRoleValues,
} from '@ansinh/domain/capacity/staffing';
import {
  areaTypeValues,
  type CareStandardsInput,
  careLevelValues,
  type FacilityType,
  facilityTypeValues,
  type M2ByAreaType,
} from '@ansinh/domain/capacity/standards';
import {
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeMatch, describeWho } from '../describe-match.ts';
import {
  NumberField,
  OptionalNumberField,
  OptionalTextField,
  type PathForm,
  RowButtons,
  setAt,
  valueAt,
} from './form-helpers.tsx';

export interface CareStandardsValues {
  validFrom: string | null;
  note: string;
  document: CareStandardsInput;
}

const m2 = { decimalScale: 2, min: 0 } as const;

/** The space standards and staffing norms as a planner edits them, every field where zod checks it. */
export function CareStandardsEditor({
  form,
  readOnly,
}: {
  form: UseFormReturnType<CareStandardsValues>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const f = form as PathForm;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t('capacity.settings.versionLabel')}
          required
          readOnly={readOnly}
          {...form.getInputProps('document.version')}
        />
        <OptionalTextField
          form={f}
          path="document.title.vi"
          label={t('capacity.settings.titleVi')}
          readOnly={readOnly}
        />
        <OptionalTextField
          form={f}
          path="document.title.en"
          label={t('capacity.settings.titleEn')}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <SpaceFields form={f} readOnly={readOnly} />
      <StaffingFields form={f} readOnly={readOnly} />
    </Stack>
  );
}

function SpaceFields({ form, readOnly }: { form: PathForm; readOnly: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<string | null>(null);
  const byTypePath = 'document.space.landM2PerResident.byFacilityType';
  const byType = (valueAt(form, byTypePath) ?? {}) as Partial<Record<FacilityType, M2ByAreaType>>;
  const types = facilityTypeValues.filter((type) => byType[type]);
  const missing = facilityTypeValues.filter((type) => !byType[type]);
  const addType = () => {
    if (!adding) return;
    const base = valueAt(form, 'document.space.landM2PerResident.default') as M2ByAreaType;
    setAt(form, byTypePath, { ...byType, [adding]: { ...base } });
    setAdding(null);
  };
  const removeType = (type: FacilityType) => {
    const { [type]: _removed, ...rest } = byType;
    setAt(form, byTypePath, rest);
  };
  return (
    <Fieldset legend={t('capacity.settings.space.title')}>
      <Stack>
        <Text fw={500} size="sm">
          {t('capacity.settings.space.bedroom')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {careLevelValues.map((level) => (
            <NumberField
              key={level}
              form={form}
              path={`document.space.bedroomM2PerResident.${level}`}
              label={t(`capacity.careLevels.${level}`)}
              readOnly={readOnly}
              {...m2}
            />
          ))}
          <OptionalTextField
            form={form}
            path="document.space.bedroomLegalBasis"
            label={t('capacity.settings.legalBasis')}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <Text fw={500} size="sm">
          {t('capacity.settings.space.land')}
        </Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('capacity.settings.space.facilityType')}</Table.Th>
              {areaTypeValues.map((area) => (
                <Table.Th key={area}>{t(`capacity.areaTypes.${area}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('capacity.settings.space.default')}</Table.Td>
              {areaTypeValues.map((area) => (
                <Table.Td key={area}>
                  <NumberField
                    form={form}
                    path={`document.space.landM2PerResident.default.${area}`}
                    aria-label={`${t('capacity.settings.space.default')}: ${t(`capacity.areaTypes.${area}`)}`}
                    readOnly={readOnly}
                    {...m2}
                  />
                </Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
            {types.map((type) => (
              <Table.Tr key={type}>
                <Table.Td>{t(`facility.types.${type}`)}</Table.Td>
                {areaTypeValues.map((area) => (
                  <Table.Td key={area}>
                    <NumberField
                      form={form}
                      path={`${byTypePath}.${type}.${area}`}
                      aria-label={`${t(`facility.types.${type}`)}: ${t(`capacity.areaTypes.${area}`)}`}
                      readOnly={readOnly}
                      {...m2}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  {!readOnly && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => removeType(type)}>
                      {t('capacity.settings.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!readOnly && missing.length > 0 && (
          <Group align="flex-end">
            <Select
              label={t('capacity.settings.space.addType')}
              data={missing.map((type) => ({ value: type, label: t(`facility.types.${type}`) }))}
              value={adding}
              onChange={setAdding}
              w={320}
            />
            <Button variant="default" disabled={!adding} onClick={addType}>
              {t('capacity.settings.space.addType')}
            </Button>
          </Group>
        )}
        <OptionalTextField
          form={form}
          path="document.space.landLegalBasis"
          label={t('capacity.settings.legalBasis')}
          readOnly={readOnly}
        />
      </Stack>
    </Fieldset>
  );
}

const matchFlags = [
  'elderly',
  'disabled',
  'special',
  'mentallyIll',
  'hivPositive',
  'selfCare',
  'foundHomeless',
  'studying',
] as const;

function StaffingFields({ form, readOnly }: { form: PathForm; readOnly: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const [addingRole, setAddingRole] = useState<string | null>(null);
  const rulesPath = 'document.staffing.directCare';
  const ratiosPath = 'document.staffing.ratios';
  const rules = (valueAt(form, rulesPath) ?? []) as { id: string; match: ResidentMatch }[];
  const ratios = (valueAt(form, ratiosPath) ?? []) as { role: RatioRole; who?: ResidentMatch[] }[];
  const missingRoles = ratioRoleValues.filter((role) => !ratios.some((r) => r.role === role));
  const moveRule = (from: number, to: number) => {
    form.reorderListItem(rulesPath, { from, to });
    setOpen(null);
  };
  const removeRule = (index: number) => {
    form.removeListItem(rulesPath, index);
    setOpen(null);
  };
  const addRule = () => {
    form.insertListItem(rulesPath, { id: `rule_${rules.length + 1}`, match: {}, residentsPerStaff: 10 });
    setOpen(rules.length);
  };
  const addRatio = () => {
    if (!addingRole) return;
    form.insertListItem(ratiosPath, { role: addingRole, residentsPerStaff: 10, minimumIfAny: 0 });
    setAddingRole(null);
  };
  return (
    <Fieldset legend={t('capacity.settings.staffing.title')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField
            form={form}
            path="document.staffing.elderlyFromAgeYears"
            label={t('capacity.settings.staffing.elderlyFromAgeYears')}
            readOnly={readOnly}
            allowDecimal={false}
          />
          <NumberField
            form={form}
            path="document.staffing.indirectMaxPercent"
            label={t('capacity.settings.staffing.indirectMaxPercent')}
            readOnly={readOnly}
            allowDecimal={false}
          />
          <OptionalTextField
            form={form}
            path="document.staffing.indirectLegalBasis"
            label={t('capacity.settings.legalBasis')}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <div>
          <Text fw={500}>{t('capacity.settings.staffing.directCare')}</Text>
          <Text size="sm" c="dimmed">
            {t('capacity.settings.staffing.directCareHint')}
          </Text>
        </div>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" data-testid="direct-care-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{t('capacity.settings.staffing.order')}</Table.Th>
                <Table.Th w={220}>{t('capacity.settings.staffing.ruleId')}</Table.Th>
                <Table.Th>{t('capacity.settings.staffing.who')}</Table.Th>
                <Table.Th w={130}>{t('capacity.settings.staffing.residentsPerStaff')}</Table.Th>
                <Table.Th w={220}>{t('capacity.settings.legalBasis')}</Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((rule, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a rule's place in the order is what it is; ids are being edited
                <Fragment key={i}>
                  <Table.Tr>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t('capacity.settings.staffing.ruleId')} ${i + 1}`}
                        readOnly={readOnly}
                        {...form.getInputProps(`${rulesPath}.${i}.id`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{describeMatch(rule.match, t)}</Text>
                      <UnstyledButton fz="xs" c="blue" onClick={() => setOpen(open === i ? null : i)}>
                        {t('capacity.settings.staffing.editWho')} {open === i ? '▴' : '▾'}
                      </UnstyledButton>
                      {form.errors[`${rulesPath}.${i}.match.maxAgeMonths`] && (
                        <Text size="xs" c="red">
                          {form.errors[`${rulesPath}.${i}.match.maxAgeMonths`]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NumberField
                        form={form}
                        path={`${rulesPath}.${i}.residentsPerStaff`}
                        aria-label={`${t('capacity.settings.staffing.residentsPerStaff')} ${i + 1}`}
                        readOnly={readOnly}
                        allowDecimal={false}
                        min={1}
                      />
                    </Table.Td>
                    <Table.Td>
                      <OptionalTextField
                        form={form}
                        path={`${rulesPath}.${i}.legalBasis`}
                        readOnly={readOnly}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <RowButtons
                          index={i}
                          count={rules.length}
                          onMove={moveRule}
                          onRemove={removeRule}
                          label={rule.id}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open === i && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={5} bg="gray.0">
                        <MatchEditor form={form} path={`${rulesPath}.${i}.match`} readOnly={readOnly} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!readOnly && (
          <Group>
            <Button variant="default" onClick={addRule}>
              {t('capacity.settings.staffing.addRule')}
            </Button>
          </Group>
        )}
        <OptionalTextField
          form={form}
          path="document.staffing.directCareLegalBasis"
          label={t('capacity.settings.legalBasis')}
          readOnly={readOnly}
        />
        <Text fw={500}>{t('capacity.settings.staffing.ratios')}</Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" data-testid="ratio-norms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capacity.settings.staffing.role')}</Table.Th>
                <Table.Th w={130}>{t('capacity.settings.staffing.residentsPerStaff')}</Table.Th>
                <Table.Th w={130}>{t('capacity.settings.staffing.minimumIfAny')}</Table.Th>
                <Table.Th>{t('capacity.settings.staffing.who')}</Table.Th>
                <Table.Th w={220}>{t('capacity.settings.legalBasis')}</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ratios.map((ratio, i) => (
                <Table.Tr key={ratio.role}>
                  <Table.Td>{t(`capacity.staffRoles.${ratio.role}`)}</Table.Td>
                  <Table.Td>
                    <OptionalNumberField
                      form={form}
                      path={`${ratiosPath}.${i}.residentsPerStaff`}
                      aria-label={`${t('capacity.settings.staffing.residentsPerStaff')}: ${t(`capacity.staffRoles.${ratio.role}`)}`}
                      readOnly={readOnly}
                      allowDecimal={false}
                      empty={null}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberField
                      form={form}
                      path={`${ratiosPath}.${i}.minimumIfAny`}
                      aria-label={`${t('capacity.settings.staffing.minimumIfAny')}: ${t(`capacity.staffRoles.${ratio.role}`)}`}
                      readOnly={readOnly}
                      allowDecimal={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeWho(ratio.who, t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <OptionalTextField
                      form={form}
                      path={`${ratiosPath}.${i}.legalBasis`}
                      readOnly={readOnly}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem(ratiosPath, i)}
                      >
                        ✕
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!readOnly && missingRoles.length > 0 && (
          <Group align="flex-end">
            <Select
              label={t('capacity.settings.staffing.addRatio')}
              data={missingRoles.map((role) => ({ value: role, label: t(`capacity.staffRoles.${role}`) }))}
              value={addingRole}
              onChange={setAddingRole}
              w={320}
            />
            <Button variant="default" disabled={!addingRole} onClick={addRatio}>
              {t('capacity.settings.staffing.addRatio')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

const triOptions = ['any', 'yes', 'no'] as const;

/** Which residents a rule is about: an age window and the facts tested (each left out is not tested). */
function MatchEditor({ form, path, readOnly }: { form: PathForm; path: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const match = (valueAt(form, path) ?? {}) as ResidentMatch;
  const setFlag = (flag: (typeof matchFlags)[number], value: string | null) =>
    setAt(form, `${path}.${flag}`, value === 'yes' ? true : value === 'no' ? false : undefined);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
      <OptionalNumberField
        form={form}
        path={`${path}.minAgeMonths`}
        label={t('capacity.settings.staffing.minAgeMonths')}
        readOnly={readOnly}
        allowDecimal={false}
      />
      <OptionalNumberField
        form={form}
        path={`${path}.maxAgeMonths`}
        label={t('capacity.settings.staffing.maxAgeMonths')}
        readOnly={readOnly}
        allowDecimal={false}
      />
      {matchFlags.map((flag) => {
        const value = match[flag];
        return (
          <Select
            key={flag}
            label={t(`capacity.settings.staffing.flags.${flag}`)}
            readOnly={readOnly}
            allowDeselect={false}
            data={triOptions.map((option) => ({
              value: option,
              label: option === 'any' ? t('capacity.settings.staffing.any') : t(`resident.tri.${option}`),
            }))}
            value={value === undefined ? 'any' : value ? 'yes' : 'no'}
            onChange={(next) => setFlag(flag, next)}
          />
        );
      })}
      <Select
        label={t('capacity.settings.staffing.severity')}
        readOnly={readOnly}
        allowDeselect={false}
        data={[
          { value: 'any', label: t('capacity.settings.staffing.any') },
          ...mentalIllnessSeverityValues.map((value) => ({
            value,
            label: t(`capacity.careNeeds.severities.${value}`),
          })),
        ]}
        value={match.mentalIllnessSeverity ?? 'any'}
        onChange={(next) =>
          setAt(
            form,
            `${path}.mentalIllnessSeverity`,
            next && next !== 'any' ? (next as MentalIllnessSeverity) : undefined,
          )
        }
      />
    </SimpleGrid>
  );
}
