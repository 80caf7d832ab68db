// The demo outlet's live coverage: one live blog on the fictional «فيضانات الساحل الشرقي» story with original
// Arabic entries, and the stream channel's name without a stream: the demo ships no video, so /live says
// honestly that an operator has not set one. Pure data; knows nothing of the database or the seed.
import type { DemoImage } from './demo-types.js';

export interface DemoLiveEntry {
  readonly minutesAgo: number;
  readonly author: string;
  readonly title?: string;
  /** Paragraphs; a paragraph starting with "> " is a quote. */
  readonly body: readonly string[];
  readonly keyEvent?: boolean;
  readonly pinned?: boolean;
  readonly editedMinutesAgo?: number;
}

export interface DemoLiveBlog {
  readonly section: string;
  readonly author: string;
  readonly hoursAgo: number;
  readonly title: string;
  readonly lead: string;
  readonly hero: DemoImage;
  readonly summary: readonly string[];
  readonly entries: readonly DemoLiveEntry[];
}

export const demoLiveBlog: DemoLiveBlog = {
  section: 'politics',
  author: 'salma-rashed',
  hoursAgo: 5,
  title: 'مباشر: الساحل الشرقي يعيد فتح طريقه الساحلي والنازحون يبدؤون العودة إلى الريحان',
  lead: 'نتابع لحظة بلحظة عودة الأسر النازحة إلى أحياء الريحان، وإعادة فتح الطريق الساحلي، وعمل فرق الكهرباء والمياه، بعد أسبوع على الفيضانات التي ضربت الساحل الشرقي.',
  hero: {
    art: { palette: 0, motif: 'waves', seed: 7101 },
    caption: 'الطريق الساحلي عند مدخل الريحان صباح اليوم.',
    alt: 'رسم توضيحي لطريق ساحلي تحيط به مياه منحسرة وأعمدة كهرباء.',
    credit: 'رسم توضيحي: استوديو منبر',
  },
  summary: [
    'أُعيد فتح الطريق الساحلي بين الريحان والعاصمة لحركة السيارات الخفيفة فقط.',
    'عادت نحو ١٢٠٠ أسرة إلى منازلها منذ الصباح، وتبقى ٤٠٠ أسرة في مراكز الإيواء.',
    'التيار الكهربائي عاد إلى ٨٥٪ من المنازل بحسب شركة الكهرباء.',
    'وزارة الصحة تنصح بغلي مياه الشرب حتى إشعار آخر.',
  ],
  entries: [
    {
      minutesAgo: 290,
      author: 'سلمى الراشد',
      title: 'بدء التغطية',
      body: [
        'صباح الخير من الريحان. نبدأ تغطيتنا المباشرة ليوم يترقبه أهالي الساحل الشرقي منذ أسبوع: موعد إعادة فتح الطريق الساحلي وبدء عودة الأسر النازحة إلى بيوتها.',
        'سنوافيكم هنا بكل جديد من مراسلينا على الطريق وفي مراكز الإيواء وفي غرفة عمليات المحافظة.',
      ],
    },
    {
      minutesAgo: 262,
      author: 'يوسف الحداد',
      body: ['طوابير من السيارات المحمّلة بالأمتعة تصطف منذ السادسة صباحا عند حاجز الدفاع المدني على مدخل الطريق الساحلي، بانتظار قرار الفتح الرسمي.'],
    },
    {
      minutesAgo: 231,
      author: 'سلمى الراشد',
      title: 'المحافظ يعلن فتح الطريق الساحلي',
      keyEvent: true,
      pinned: true,
      body: [
        'أعلن محافظ الساحل الشرقي ناصر الزين في مؤتمر صحفي قصير إعادة فتح الطريق الساحلي أمام السيارات الخفيفة ابتداء من التاسعة صباحا، على أن تبقى الشاحنات ممنوعة من العبور حتى انتهاء فحص الجسر الصغير عند الكيلومتر الثاني عشر.',
        '> «الطريق آمن للسيارات الخفيفة، ونطلب من الجميع الالتزام بالسرعة المحددة وتعليمات رجال الدفاع المدني» — المحافظ ناصر الزين',
      ],
    },
    {
      minutesAgo: 205,
      author: 'نور الخطيب',
      body: [
        'في مركز الإيواء بمدرسة الريحان الثانوية، بدأت الأسر توضيب أغراضها. تقول أم خالد، وهي أم لأربعة أطفال، إنها تنتظر هذا اليوم منذ أسبوع، لكنها تخشى ما ستجده في بيتها بعد أن غمرته المياه حتى منتصف الجدران.',
      ],
    },
    {
      minutesAgo: 170,
      author: 'كريم منصور',
      title: 'الكهرباء تعود إلى ٨٥٪ من المنازل',
      keyEvent: true,
      editedMinutesAgo: 150,
      body: ['قالت شركة الكهرباء إن التيار عاد إلى ٨٥٪ من منازل الساحل الشرقي، وإن الأحياء القريبة من الميناء ستنتظر يوما إضافيا لاستبدال محولين تضررا بمياه البحر.'],
    },
    {
      minutesAgo: 132,
      author: 'نور الخطيب',
      title: 'تحذير صحي بشأن مياه الشرب',
      keyEvent: true,
      body: [
        'جددت وزارة الصحة نصيحتها بغلي مياه الشرب دقيقة كاملة قبل استعمالها في أحياء الريحان الثلاثة المتضررة، ريثما تظهر نتائج فحوص العينات التي سُحبت أمس من الشبكة.',
        'وتوزع فرق الوزارة أقراص تعقيم المياه عند مداخل الأحياء وفي المراكز الصحية.',
      ],
    },
    {
      minutesAgo: 96,
      author: 'يوسف الحداد',
      body: ['الحركة على الطريق الساحلي منتظمة لكنها بطيئة. قطعنا المسافة من العاصمة إلى الريحان في ساعتين بدلا من خمسين دقيقة في الأيام العادية، بسبب نقاط التفتيش وأعمال الصيانة على الجانبين.'],
    },
    {
      minutesAgo: 58,
      author: 'سلمى الراشد',
      title: 'عودة ١٢٠٠ أسرة',
      keyEvent: true,
      body: ['أعلنت غرفة عمليات المحافظة أن نحو ١٢٠٠ أسرة عادت إلى منازلها منذ الصباح، فيما تبقى ٤٠٠ أسرة في مراكز الإيواء لأن بيوتها تحتاج إلى فحص هندسي قبل السماح بالسكن فيها.'],
    },
    {
      minutesAgo: 31,
      author: 'ليلى عامر',
      body: [
        'متطوعون من جمعية شباب الريحان ينظفون ساحة السوق القديم من الطمي. يقول منسق الجمعية إن أكثر من مئتي متطوع سجلوا أسماءهم منذ أمس، وإنهم يحتاجون إلى مجارف وأكياس أكثر من حاجتهم إلى الأيدي.',
      ],
    },
    {
      minutesAgo: 9,
      author: 'يوسف الحداد',
      body: ['بدأ مهندسو وزارة الأشغال فحص الجسر الصغير عند الكيلومتر الثاني عشر. ويتوقعون إعلان النتيجة قبل المساء، وعليها يتوقف السماح بعبور الشاحنات المحملة بمواد الإعمار.'],
    },
  ],
};

/** The 24-hour channel's name and description; no stream URL ships with the demo. */
export const demoLiveChannel = {
  title: 'منبر مباشر',
  description: 'قناة منبر الإخبارية على مدار الساعة: نشرات كل ساعة وتغطيات خاصة للأحداث الكبرى.',
} as const;
