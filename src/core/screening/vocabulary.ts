/**
 * Skills and their synonyms for the job families Hireloop ships (the demo's postings: backend
 * internships and engineers, data science, product management, product marketing and content
 * operations, plus frontend and mobile for the engineering families around them). The local matcher
 * treats every form of an entry as the same skill. `exact` forms are matched with their case, for
 * names that are also ordinary words ("Go", "R").
 */
export interface SkillEntry {
  skill: string;
  synonyms: string[];
  exact?: string[];
}

export const familyKeys = [
  'backend',
  'frontend',
  'mobile',
  'data',
  'product',
  'marketing',
  'operations',
] as const;
export type FamilyKey = (typeof familyKeys)[number];

const s = (skill: string, synonyms: string[] = [], exact?: string[]): SkillEntry =>
  exact ? { skill, synonyms, exact } : { skill, synonyms };

/** Soft skills, so a criterion naming them meets a resume in either language. */
const general: SkillEntry[] = [
  s('communication', [
    'communicate',
    'presented',
    'presentations',
    'public speaking',
    '沟通',
    '表达',
    '沟通能力',
  ]),
  s('analytical', ['analysis', 'analytic', '分析', '分析能力']),
  s('problem-solving', ['problem solving', 'troubleshooting', 'debugging', '解决问题']),
  s('teamwork', ['team player', 'collaboration', 'collaborated', 'cross-functional', '团队合作', '协作']),
];

/** Shared by every engineering and data family. */
const languages: SkillEntry[] = [
  s('Python', ['py', 'python3']),
  s('Java', ['jvm', 'java8', 'java 17']),
  s('C++', ['cpp', 'c plus plus', 'cplusplus']),
  s('C', [], ['C']),
  s('C#', ['csharp', 'c sharp', '.net', 'dotnet']),
  s('Go', ['golang', 'go语言'], ['Go', 'GO']),
  s('Rust', ['rustlang']),
  s('JavaScript', ['javascript', 'ecmascript', 'es6'], ['JS']),
  s('TypeScript', ['typescript'], ['TS']),
  s('Kotlin'),
  s('Scala'),
  s('Swift'),
  s('SQL', ['mysql', 'postgresql', 'postgres', 'sqlite', 'oracle sql', 't-sql', 'hive sql', 'spark sql']),
  s('R', ['rstudio', 'r语言'], ['R']),
];

const backend: SkillEntry[] = [
  ...languages,
  s('NoSQL', ['mongodb', 'redis', 'cassandra', 'dynamodb', 'hbase', 'rocksdb', '非关系型数据库']),
  s('databases', ['database', 'dbms', 'rdbms', 'mysql', 'postgresql', 'postgres', 'mongodb', '数据库']),
  s('distributed systems', [
    'distributed system',
    'distributed computing',
    'distributed storage',
    '分布式',
    '分布式系统',
  ]),
  s('distributed storage', ['storage systems', 'storage engine', '分布式存储', '存储系统']),
  s('Kubernetes', ['k8s', 'kube', 'kubectl']),
  s('Docker', ['containers', 'containerization', '容器']),
  s('microservices', ['micro-services', 'microservice', 'service-oriented', '微服务']),
  s('Kafka', ['apache kafka', 'message queue', 'rocketmq', 'rabbitmq', '消息队列']),
  s('AWS', ['amazon web services', 'ec2', 's3', 'lambda']),
  s('Google Cloud', ['gcp', 'google cloud platform', 'bigquery']),
  s('Azure', ['microsoft azure']),
  s('cloud platform', ['cloud', 'aws', 'gcp', 'azure', '云平台', '云计算']),
  s('Linux', ['unix', 'ubuntu', 'debian']),
  s('gRPC', ['grpc', 'thrift', 'protobuf', 'rpc']),
  s('REST APIs', ['rest', 'restful', 'http api', 'api design', 'web services']),
  s('backend systems', [
    'backend',
    'back-end',
    'server-side',
    'backend services',
    'backend development',
    '后端',
    '后端开发',
    '服务端',
  ]),
  s('data structures', ['data structure', 'dsa', '数据结构']),
  s('algorithms', ['algorithm', 'leetcode', 'competitive programming', 'acm', 'icpc', '算法']),
  s('recommendation systems', [
    'recommendation system',
    'recommender systems',
    'recommender system',
    'recommendation',
    'recsys',
    'ranking',
    '推荐系统',
    '推荐',
  ]),
  s('search systems', [
    'search engine',
    'search',
    'information retrieval',
    'elasticsearch',
    '搜索',
    '搜索引擎',
  ]),
  s('low latency', ['low-latency', 'latency', 'p99', '低延迟']),
  s('consistency', ['consensus', 'raft', 'paxos', '一致性']),
  s('replication', ['replicas', 'replicated', '副本', '复制']),
  s('caching', ['cache', 'redis', 'memcached', '缓存']),
  s('concurrency', ['multithreading', 'multi-threading', 'concurrent', '并发', '多线程']),
  s('software project', ['project', 'projects', 'side project', 'open source', 'github', '项目']),
  s('internship', ['intern', 'interned', 'co-op', 'coop', '实习']),
];

const frontend: SkillEntry[] = [
  ...languages,
  s('React', ['react.js', 'reactjs', 'next.js', 'nextjs']),
  s('Vue', ['vue.js', 'vuejs', 'nuxt']),
  s('Angular', ['angularjs']),
  s('HTML', ['html5']),
  s('CSS', ['css3', 'sass', 'scss', 'tailwind', 'less']),
  s('accessibility', ['a11y', 'wcag', 'aria', '无障碍']),
  s('web performance', ['core web vitals', 'lighthouse', '性能优化']),
  s('frontend', ['front-end', 'front end', 'web development', 'ui engineering', '前端', '前端开发']),
  s('Node.js', ['node', 'nodejs', 'express']),
  s('software project', ['project', 'projects', 'side project', 'open source', 'github', '项目']),
  s('internship', ['intern', 'interned', 'co-op', '实习']),
];

const mobile: SkillEntry[] = [
  ...languages,
  s('iOS', ['swiftui', 'uikit', 'objective-c', 'xcode']),
  s('Android', ['jetpack compose', 'android sdk', '安卓']),
  s('React Native', ['react-native']),
  s('Flutter', ['dart']),
  s('mobile development', ['mobile apps', 'mobile app', 'app development', '移动开发', '客户端']),
  s('software project', ['project', 'projects', 'side project', 'open source', 'github', '项目']),
  s('internship', ['intern', 'interned', 'co-op', '实习']),
];

const data: SkillEntry[] = [
  ...languages,
  s('statistics', [
    'statistical',
    'hypothesis testing',
    'regression',
    'bayesian',
    'causal inference',
    '统计',
    '统计学',
  ]),
  s(
    'machine learning',
    [
      'machine learning',
      'scikit-learn',
      'sklearn',
      'xgboost',
      'deep learning',
      'pytorch',
      'tensorflow',
      '机器学习',
      '深度学习',
    ],
    ['ML'],
  ),
  s('classification models', [
    'classifier',
    'classifiers',
    'classification',
    'logistic regression',
    'random forest',
    '分类模型',
    '分类',
  ]),
  s('A/B testing', [
    'ab testing',
    'a/b test',
    'a/b tests',
    'experiments',
    'experimentation',
    'controlled experiments',
    'ab实验',
    'a/b实验',
    '实验',
  ]),
  s('pandas', ['numpy', 'dataframe']),
  s('Spark', ['pyspark', 'apache spark', 'hadoop', 'hive']),
  s('dashboards', ['tableau', 'looker', 'power bi', 'dashboard', '看板', '报表']),
  s('metrics', ['kpi', 'kpis', '指标']),
  s('data analysis', ['analytics', 'data analytics', 'analysis', '数据分析']),
  s('trust and safety', [
    'content moderation',
    'integrity',
    'harmful content',
    'spam',
    'abuse',
    '内容安全',
    '风控',
  ]),
];

const product: SkillEntry[] = [
  s(
    'product management',
    ['product manager', 'product owner', 'product management', '产品经理', '产品管理'],
    ['PM'],
  ),
  s('roadmap', ['roadmaps', 'product roadmap', 'prioritisation', 'prioritization', '路线图', '规划']),
  s('A/B testing', ['ab testing', 'experiments', 'experimentation', 'a/b tests', '实验']),
  s('SQL', ['mysql', 'bigquery']),
  s('creator products', ['creator', 'creators', 'creator economy', 'influencer', '创作者', '达人']),
  s('marketplace products', ['marketplace', 'two-sided', 'e-commerce', 'ecommerce', '电商', '平台']),
  s('user research', ['user interviews', 'usability', '用户研究', '用户调研']),
  s('onboarding', ['activation', 'new user experience', '新手引导', '拉新']),
  s('growth', ['user growth', 'retention', 'engagement', '增长', '用户增长']),
  s('metrics', ['kpi', 'kpis', 'north star', '指标']),
];

const marketing: SkillEntry[] = [
  s('product marketing', ['product marketing manager', 'pmm', 'go-to-market', 'gtm', '产品营销']),
  s('go-to-market', ['gtm', 'launch', 'launches', 'market launch', '上市', '市场推广']),
  s('incrementality measurement', [
    'incrementality',
    'lift studies',
    'lift study',
    'marketing mix modeling',
    'mmm',
    '增量',
  ]),
  s('experiments', ['a/b testing', 'ab testing', 'experimentation', 'a/b tests', '实验']),
  s('ads products', ['advertising', 'ads', 'ad products', 'performance marketing', '广告']),
  s('positioning', ['messaging', 'narrative', '定位']),
  s('competitive analysis', ['market research', 'competitive intelligence', '竞品分析']),
  s('SQL'),
];

const operations: SkillEntry[] = [
  s('content operations', [
    'content ops',
    'content operation',
    'content strategy',
    'content planning',
    '内容运营',
  ]),
  s('creator cold start', [
    'cold start',
    'cold-start',
    'creator onboarding',
    'new creators',
    '冷启动',
    '新创作者',
  ]),
  s('creators', ['creator', 'influencers', 'kol', 'mcn', '达人', '创作者', '博主']),
  s('event planning', ['events', 'campaigns', 'campaign', '活动策划', '活动运营']),
  s('data analysis', ['analytics', 'metrics', 'dashboards', 'excel', 'sql', '数据分析']),
  s('user growth', ['follower growth', 'growth', 'retention', '用户增长', '涨粉']),
  s('community management', ['community', '社区运营', '社群']),
];

export const vocabularies: Record<FamilyKey, SkillEntry[]> = {
  backend,
  frontend,
  mobile,
  data,
  product,
  marketing,
  operations,
};

/** Every entry, the job's family first: a skill outside the family still finds its synonyms. */
export function entriesFor(family: string | null): SkillEntry[] {
  const own = family && family in vocabularies ? vocabularies[family as FamilyKey] : [];
  const rest = familyKeys.filter((k) => k !== family).flatMap((k) => vocabularies[k]);
  return [...own, ...rest, ...general];
}

const norm = (x: string) => x.trim().toLowerCase().replace(/\s+/g, ' ');

/** The entry a skill name belongs to (by its name or any synonym), or null. */
export function entryOf(skill: string, family: string | null): SkillEntry | null {
  const n = norm(skill);
  const entries = entriesFor(family);
  return (
    entries.find((e) => norm(e.skill) === n) ??
    entries.find((e) => e.synonyms.some((x) => norm(x) === n) || e.exact?.some((x) => norm(x) === n)) ??
    null
  );
}

/**
 * A job's family from its title and team: the skills vocabulary the matcher uses. Titles decide
 * first ("Software Engineer, Recommendation Infrastructure" is backend); null when nothing fits.
 */
export function familyOf(job: {
  title: string;
  teamName?: string | null;
  department?: string | null;
}): FamilyKey | null {
  const rules: [RegExp, FamilyKey][] = [
    [/\b(front[- ]?end|web (?:engineer|developer)|ui engineer)|前端/i, 'frontend'],
    [/\b(ios|android|mobile)\b|移动|客户端/i, 'mobile'],
    [/\b(product marketing|marketing)\b|营销|市场/i, 'marketing'],
    [/\b(product manager|product management|product owner)\b|产品经理/i, 'product'],
    [
      /\b(data scien\w*|data analy\w*|analytics|machine learning|statistic\w*)\b|数据科学|数据分析|算法工程师/i,
      'data',
    ],
    [/\b(operations|content ops|community)\b|运营/i, 'operations'],
    [
      /\b(back[- ]?end|software|engineer(?:ing)?|developer|infrastructure|storage|platform|sre|devops)\b|后端|开发|工程师/i,
      'backend',
    ],
  ];
  for (const text of [job.title, job.teamName ?? '', job.department ?? '']) {
    for (const [pattern, family] of rules) if (pattern.test(text)) return family;
  }
  return null;
}

/** Degree fields and the ways resumes write them, for degree criteria with fields. */
export const fieldSynonyms: Record<string, string[]> = {
  'computer science': [
    'cs',
    'comp sci',
    'computing',
    'eecs',
    'computer engineering',
    'informatics',
    '计算机',
    '计算机科学',
    '计算机科学与技术',
  ],
  'software engineering': ['software engineer', 'software', '软件工程', '软件'],
  'computer engineering': ['electrical and computer engineering', 'ece', 'eecs', '计算机工程'],
  'electrical engineering': ['ee', 'eecs', 'electronic engineering', '电子工程', '电气工程'],
  statistics: ['statistical science', 'biostatistics', '统计', '统计学'],
  mathematics: ['math', 'maths', 'applied mathematics', '数学', '应用数学'],
  'data science': ['data analytics', 'analytics', '数据科学'],
  economics: ['econ', 'econometrics', '经济', '经济学'],
  business: ['business administration', 'management', 'mba', '工商管理', '管理'],
  marketing: ['市场营销', '营销'],
  'information technology': ['it', 'information systems', '信息技术', '信息系统'],
};
