// The demo outlet «منبر الأخبار»: its sections, authors, stories, channels and readers' comments, all original and fictional.
// Pure data in the shapes of demo-types.ts; knows nothing of the database, the seed, the art generator or the views.
import type { DemoAuthor, DemoChannel, DemoComment, DemoSection, DemoStory } from './demo-types.js';

export const demoOutlet: { readonly name: string; readonly tagline: string; readonly description: string } = {
  name: 'منبر الأخبار',
  tagline: 'أخبار الساحل والعاصمة والعالم، بعربية واضحة',
  description:
    'منبر الأخبار موقع إخباري مستقل يغطي الشأن المحلي والاقتصاد والرياضة والثقافة والعلوم، ويكتب لقرائه بعربية دقيقة وواضحة. هذا محتوى تجريبي لعرض منصة منبر، والمؤسسة والأشخاص والأماكن الواردة فيه من نسج الخيال.',
};

/** Parents come before their children, so the seed can insert in order. */
export const demoSections: readonly DemoSection[] = [
  { slug: 'politics', name: 'سياسة', description: 'أخبار الحكومة والبرلمان والبلديات، وقراءة في القرارات التي تمس حياة الناس.' },
  { slug: 'economy', name: 'اقتصاد', description: 'الموازنة العامة والتجارة وسوق العمل وتكاليف المعيشة، بلغة يفهمها غير المتخصص.' },
  { slug: 'markets', name: 'أسواق', parent: 'economy', description: 'حركة البورصة وأسعار السلع وأخبار الشركات المدرجة يوما بيوم.' },
  { slug: 'sports', name: 'رياضة', description: 'البطولات المحلية والدولية ونتائجها، وحكايات أبطالها داخل الملاعب وخارجها.' },
  { slug: 'football', name: 'كرة القدم', parent: 'sports', description: 'مباريات الدوري والكؤوس ومنتخبات الفئات العمرية، مع تحليل ما قبل المباراة وما بعدها.' },
  { slug: 'world', name: 'العالم', description: 'أبرز ما يجري خارج حدودنا من أحداث ومبادرات دولية، وما يعنيه لنا.' },
  { slug: 'culture', name: 'ثقافة وفنون', description: 'الكتب والسينما والمسرح والتراث والفنون البصرية، وحوارات مع صانعيها.' },
  { slug: 'tech', name: 'علوم وتكنولوجيا', description: 'البحث العلمي والتقنيات والتطبيقات الجديدة، وما تغيّره في التعليم والعمل والحياة اليومية.' },
  { slug: 'health', name: 'صحة وبيئة', description: 'الصحة العامة والطب والمناخ والبيئة، بمعلومات موثوقة ونصائح عملية.' },
  { slug: 'opinion', name: 'رأي', description: 'مقالات كتّاب منبر وضيوفه، تعبّر عن آراء أصحابها ولا تعبّر بالضرورة عن رأي التحرير.' },
];

export const demoAuthors: readonly DemoAuthor[] = [
  {
    slug: 'newsroom',
    name: 'غرفة أخبار منبر',
    kind: 'organization',
    bio: 'فريق التحرير والمراسلين في منبر الأخبار، يوقّع التغطيات المشتركة والأخبار العاجلة وتقارير الوكالات بعد تحريرها.',
  },
  {
    slug: 'salma-rashed',
    name: 'سلمى الراشد',
    kind: 'person',
    bio: 'مراسلة الشؤون السياسية والمحلية في الساحل الشرقي، تغطي البرلمان والبلديات منذ أكثر من عشر سنوات.',
  },
  {
    slug: 'yousef-haddad',
    name: 'يوسف الحداد',
    kind: 'person',
    bio: 'محرر الاقتصاد والأسواق، يكتب عن الموازنة العامة والشركات وتكاليف المعيشة، ويحب أن يشرح الأرقام بالأمثلة.',
  },
  {
    slug: 'nour-khatib',
    name: 'نور الخطيب',
    kind: 'person',
    bio: 'صحفية علمية تغطي الصحة والبيئة والتكنولوجيا، درست الكيمياء الحيوية قبل أن تنتقل إلى الصحافة.',
  },
  {
    slug: 'karim-mansour',
    name: 'كريم منصور',
    kind: 'person',
    bio: 'محرر رياضي متخصص في كرة القدم ومنتخبات الفئات العمرية، لعب في دوري الهواة قبل أن يحمل الميكروفون والقلم.',
  },
  {
    slug: 'layla-amer',
    name: 'ليلى عامر',
    kind: 'person',
    bio: 'محررة الثقافة والشؤون الدولية، تكتب عن الكتب والسينما والتراث، وتتابع ما تقوله الصحافة العالمية عن منطقتنا.',
  },
  {
    slug: 'omar-farouq',
    name: 'عمر فاروق',
    kind: 'person',
    bio: 'كاتب عمود أسبوعي في منبر الأخبار، من مواليد الريحان، يكتب عن المدينة والذاكرة والشأن العام.',
  },
];

export const demoStories: readonly DemoStory[] = [
  {
    slug: 'coastal-floods',
    title: 'فيضانات الساحل الشرقي',
    description:
      'تغطية متواصلة للسيول التي ضربت الساحل الشرقي وأغرقت أحياء في الريحان والقرى المحيطة بها. نتابع جهود الإغاثة وحصر الأضرار، والأسئلة المفتوحة عن التخطيط العمراني والإنذار المبكر.',
    cover: {
      art: { palette: 5, motif: 'waves', seed: 901 },
      caption: 'أمطار غزيرة وسيول متتالية ضربت مدن الساحل الشرقي وقراه.',
      alt: 'طبقات متتالية من الأمواج بدرجات الأخضر المزرق تحت قرص شمس برتقالي.',
      credit: 'رسم توضيحي: استوديو منبر',
    },
    trending: 1,
    featured: true,
    archived: false,
  },
  {
    slug: 'city-elections',
    title: 'الانتخابات البلدية في الريحان',
    description:
      'ثلاث قوائم تتنافس على مقاعد المجلس البلدي في الريحان بعد حل المجلس السابق. برامج المرشحين ومناظراتهم، وكل ما يحتاج الناخب إلى معرفته قبل يوم الاقتراع.',
    cover: {
      art: { palette: 3, motif: 'grid', seed: 902 },
      caption: 'الريحان تستعد لاختيار مجلسها البلدي الجديد.',
      alt: 'شبكة منتظمة من المربعات والدوائر وأرباعها بدرجات البنفسجي والوردي مع لمسات صفراء.',
      credit: 'رسم توضيحي: هالة نجم/منبر',
    },
    trending: 2,
    featured: false,
    archived: false,
  },
  {
    slug: 'youth-cup',
    title: 'كأس المدن للشباب',
    description:
      'البطولة السنوية التي تجمع منتخبات المدن للاعبين دون التاسعة عشرة. نتائج المباريات وحكايات المواهب الصاعدة ومدربيها.',
    cover: {
      art: { palette: 2, motif: 'field', seed: 903 },
      caption: 'ستة عشر منتخبا تتنافس على لقب كأس المدن للشباب.',
      alt: 'تلال خضراء متدرجة تخترقها خطوط متوازية تحت قرص شمس أحمر برتقالي.',
      credit: 'رسم توضيحي: رامي السعدي/منبر',
    },
    trending: 3,
    featured: false,
    archived: false,
  },
  {
    slug: 'capital-metro',
    title: 'مترو المدينة العاصمة',
    description:
      'مشروع توسيع شبكة المترو في المدينة العاصمة، من تمويل الخط الثاني إلى تجارب القطارات ذاتية القيادة. نتابع أعمال الإنشاء وكلفتها وأثرها على السكان والتجار.',
    cover: {
      art: { palette: 7, motif: 'skyline', seed: 904 },
      caption: 'المدينة العاصمة تراهن على المترو لتخفيف الازدحام.',
      alt: 'ظلال مبانٍ متلاصقة بدرجات الأزرق الداكن ونوافذ مضاءة أمام قرص شمس أحمر.',
      credit: 'رسم توضيحي: استوديو منبر',
    },
    trending: 4,
    featured: false,
    archived: false,
  },
  {
    slug: 'book-fair',
    title: 'معرض الريحان الدولي للكتاب',
    description:
      'الموعد السنوي للناشرين والقرّاء في الريحان. إصدارات الدورة الحالية وندواتها وضيوفها.',
    cover: {
      art: { palette: 0, motif: 'mosaic', seed: 905 },
      caption: 'مئات دور النشر تلتقي قرّاءها في الريحان كل عام.',
      alt: 'فسيفساء من بلاطات مثلثة بدرجات الأزرق متراصة كجدار مزجج.',
      credit: 'رسم توضيحي: هالة نجم/منبر',
    },
    trending: null,
    featured: false,
    archived: false,
  },
  {
    slug: 'ai-classrooms',
    title: 'الذكاء الاصطناعي في الفصول',
    description:
      'ملف عن تجربة وزارة التربية في إدخال مساعدات الذكاء الاصطناعي إلى الفصول الدراسية. ما الذي نجح، وما الذي أخفق، وما الذي ينتظر الطلبة والمعلمين.',
    cover: {
      art: { palette: 11, motif: 'circles', seed: 906 },
      caption: 'أربعون مدرسة جرّبت مساعدا تعليميا يعمل بالذكاء الاصطناعي عاما كاملا.',
      alt: 'دوائر شفافة متداخلة على خلفية كحلية، تتوسطها حلقات متحدة المركز ونقطة صفراء.',
      credit: 'رسم توضيحي: رامي السعدي/منبر',
    },
    trending: null,
    featured: false,
    archived: true,
  },
];

export const demoChannels: readonly DemoChannel[] = [
  { kind: 'telegram', label: 'تيليغرام', url: 'https://t.me/minbar_news_demo' },
  { kind: 'youtube', label: 'يوتيوب', url: 'https://www.youtube.com/@minbar-news-demo' },
  { kind: 'x', label: 'إكس', url: 'https://x.com/minbar_demo' },
  { kind: 'facebook', label: 'فيسبوك', url: 'https://www.facebook.com/minbar.news.demo' },
  { kind: 'instagram', label: 'إنستغرام', url: 'https://www.instagram.com/minbar_news_demo' },
  { kind: 'whatsapp', label: 'واتساب', url: 'https://whatsapp.com/channel/minbar-news-demo' },
  { kind: 'rss', label: 'خلاصة RSS', url: '/rss.xml' },
  { kind: 'newsletter', label: 'النشرة البريدية', url: '/newsletter' },
];

/** Each comment is younger than its article (checked by demo-content.test.ts). */
export const demoComments: readonly DemoComment[] = [
  {
    article: 'a01',
    name: 'أبو ياسر',
    body: 'القرار جاء متأخرا يومين على الأقل، لكن المهم الآن أن تصل المساعدات إلى القرى الجبلية قبل غيرها، فهي الأكثر عزلة.',
    hoursAgo: 1.5,
  },
  {
    article: 'a01',
    name: 'مها العلي',
    body: 'شكرا لمراسلتكم على التغطية الميدانية. نرجو نشر عناوين مراكز الإيواء وأرقام الطوارئ في أعلى الصفحة ليسهل الوصول إليها.',
    hoursAgo: 1,
  },
  {
    article: 'a05',
    name: 'سامر قطان',
    body: 'أستخدم RainSense منذ سنة، ووصلني التنبيه قبل أن أسمع أي شيء من الجهات الرسمية. الفريق يستحق كل الدعم.',
    hoursAgo: 28,
  },
  {
    article: 'a05',
    name: 'ريم ش.',
    body: 'معلومة مهمة عن الدراسة المنشورة قبل عام. هل يمكن أن تنشروا ملخصا لها بالعربية؟',
    hoursAgo: 21,
  },
  {
    article: 'a09',
    name: 'خالد الأيوبي',
    body: 'مقال صادق وموجع. جملة «الوادي صبر علينا ثلاثين عاما» ينبغي أن تُعلّق في كل مكتب تخطيط.',
    hoursAgo: 24,
  },
  {
    article: 'a09',
    name: 'نادية سليم',
    body: 'أتفق مع الكاتب في التشخيص، لكن «خطة التراجع» تعني ترحيل عائلات لا تملك غير بيوتها. من سيعوّضها، وإلى أين ستذهب؟',
    hoursAgo: 15,
  },
  {
    article: 'a12',
    name: 'يوسف مرعي',
    body: 'تحية لآدم الحسن وزملائه. هذا هو الدرس الحقيقي للرياضة، قبل الكؤوس والميداليات.',
    hoursAgo: 10,
  },
  {
    article: 'a16',
    name: 'د. حسن عبيدات',
    body: 'شكرا على التصحيح السريع. مقارنة البرامج بالميزانية الفعلية هي الصحافة التي نحتاجها قبل كل انتخابات.',
    hoursAgo: 98,
  },
  {
    article: 'a17',
    name: 'لانا جبر',
    body: 'جربت تطبيق Sawti فظهر اسمي صحيحا، لكن موقع مركز الاقتراع على الخريطة خاطئ. أرسلت اعتراضا وسأنتظر الرد.',
    hoursAgo: 190,
  },
  {
    article: 'a18',
    name: 'عاشق الريحان',
    body: 'يامن سرور سيكون نجم المنتخب الأول خلال سنتين، تذكروا كلامي. ورائد عيسى بديل من ذهب.',
    hoursAgo: 40,
  },
  {
    article: 'a23',
    name: 'مازن فرح',
    body: 'فكرة جميلة، لكن أتمنى أن يصلحوا التكييف في محطات الخط الأول قبل الانتقال إلى قطارات الـ driverless.',
    hoursAgo: 380,
  },
  {
    article: 'a29',
    name: 'أم كريم',
    body: 'ذكّرتني بمكتبة حيّنا القديمة، وما زلت أذكر رائحة كتبها. شكرا للكاتب على هذه الالتفاتة.',
    hoursAgo: 600,
  },
];
