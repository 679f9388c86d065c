import type { AnyRow, TableName } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import { lessonHash, variantIdOf, type LessonVariant } from '../../shared/training/lesson-variants';
import { demoPackManifest } from './demo-course';

const DAY_MS = 86_400_000;

/**
 * The demo centre's own take on the listing lesson, saved by its trainer two
 * days ago: the example title is one from this county's own orchards, and
 * the picture of a listing comes first. The county's admin area lists it
 * under the demo pack, where it can be promoted.
 */
export function demoVariantRows(centreId: string, staffId: string, now: string): { table: TableName; row: AnyRow }[] {
  const manifest = demoPackManifest();
  const lesson = manifest.lessons.find((l) => l.id === 'listing');
  if (!lesson) return [];
  const savedAt = new Date(Date.parse(now) - 2 * DAY_MS).toISOString();
  const variant: LessonVariant = {
    id: variantIdOf(manifest.course.id, lesson.id),
    centreId,
    createdAt: savedAt,
    updatedAt: savedAt,
    createdBy: staffId,
    packId: manifest.course.id,
    lessonId: lesson.id,
    baseVersion: 1,
    baseHash: lessonHash(lesson),
    order: ['card', 'title', 'quiz'],
    hidden: [],
    texts: {
      title: {
        'zh-CN': '标题要写清楚：产地、品种、重量、卖点。比如我们村的：“红旗村核桃 薄皮 2斤装 今年新货”。描述里写上怎么保存、几天发货，不要夸大。',
        en: 'Make the title say it all: where it comes from, the variety, the weight and what makes it special, such as our own “Hongqi walnuts, thin shell, 1 kg, this year’s crop”. In the description, say how to keep it and when it ships.',
        ug: 'ماۋزۇنى ئېنىق يېزىڭ: قەيەردىن، قايسى سورت، ئېغىرلىقى ۋە ئالاھىدىلىكى. مەسىلەن بىزنىڭ كەنتنىڭ: «قىزىل بايراق كەنتى ياڭيىقى، نېپىز پوست، 1 كىلو، بۇ يىلقى». چۈشەندۈرۈشتە قانداق ساقلاش ۋە قاچان ئەۋەتىلىدىغانلىقىنى يېزىڭ.',
      },
    },
    photos: [],
    updatedBy: staffId,
    savedBy: uuidv7(Date.parse(savedAt)),
  };
  return [{ table: 'lessonVariants', row: variant }];
}
