/**
 * The ordered registry of constructions: the most specific first. Where two constructions say something about the
 * same figure, the one higher in this list wins (region and metric are decided separately: a list construction can
 * name the region while a metric construction names the metric). A new layout is a new file plus one line here.
 */
import type { Construction } from './types.ts';
import { regionListMasingMasing } from './region-list-masing-masing.ts';
import { capitalOfProvince } from './capital-of-province.ts';
import { thresholdRestated } from './threshold-restated.ts';
import { criteriaRestated } from './criteria-restated.ts';
import { thresholdEcho } from './threshold-echo.ts';
import { groupAverage } from './group-average.ts';
import { thresholdOfUhc } from './threshold-of-uhc.ts';
import { shareOfListedRegions } from './share-of-listed-regions.ts';
import { regionPairShared } from './region-pair-shared.ts';
import { regionPairRespectively } from './region-pair-respectively.ts';
import { regionsReferredBack } from './regions-referred-back.ts';
import { respectivelyAfterCriteria } from './respectively-after-criteria.ts';
import { shareOfCountedGroup } from './share-of-counted-group.ts';
import { regionBracketList } from './region-bracket-list.ts';
import { regionColonList } from './region-colon-list.ts';
import { lineColumns } from './line-columns.ts';
import { valueDiRegionList } from './value-di-region-list.ts';
import { superlativeScope } from './superlative-scope.ts';
import { regionValueList } from './region-value-list.ts';
import { unnamedListItem } from './unnamed-list-item.ts';
import { regionApposition } from './region-apposition.ts';
import { nationalAverage } from './national-average.ts';
import { valueRegionAfter } from './value-region-after.ts';
import { partOfWhole } from './part-of-whole.ts';
import { wholeThenPart } from './whole-then-part.ts';
import { populationStated } from './population-stated.ts';
import { shareMetricAdjacent } from './share-metric-adjacent.ts';
import { fallback } from './fallback.ts';

export const CONSTRUCTIONS: readonly Construction[] = [
  regionListMasingMasing,
  regionPairRespectively,
  capitalOfProvince,
  thresholdRestated,
  criteriaRestated,
  thresholdEcho,
  groupAverage,
  thresholdOfUhc,
  shareOfCountedGroup,
  regionBracketList,
  lineColumns,
  regionColonList,
  valueDiRegionList,
  superlativeScope,
  regionValueList,
  unnamedListItem,
  regionApposition,
  shareOfListedRegions,
  regionPairShared,
  regionsReferredBack,
  nationalAverage,
  respectivelyAfterCriteria,
  valueRegionAfter,
  partOfWhole,
  wholeThenPart,
  populationStated,
  shareMetricAdjacent,
  fallback,
];

export type { Construction, Pairing } from './types.ts';
