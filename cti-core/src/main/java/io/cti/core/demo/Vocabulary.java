package io.cti.core.demo;

import java.time.ZoneId;
import java.util.List;

/**
 * The word lists the demo customers are made of: Chinese and English names, cities with their postal codes,
 * area codes and time zones, companies, occupations, products, and what agents write in their notes. Constant
 * data only; every list is immutable.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A word and how it is spelled in Latin letters (pinyin for Chinese), for e-mail addresses. */
    record Word(String text, String latin) {
    }

    /**
     * A city customers live in. {@code areaCodes} are the dialling codes of its fixed lines (for the United
     * States: every number, mobile or fixed, is geographic); {@code shortName} is how a company name starts.
     */
    record City(String country, String name, String shortName, String region, String postalPrefix, ZoneId zone,
                List<String> areaCodes, List<String> districts, List<String> streets, int weight) {
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    // ---------------------------------------------------------------- Chinese names

    /** The most common surnames, roughly weighted by how common they are (weight = tenths of a percent). */
    static final List<Word> CN_SURNAMES = words(
            "王 wang", "李 li", "张 zhang", "刘 liu", "陈 chen", "杨 yang", "黄 huang", "赵 zhao", "吴 wu", "周 zhou",
            "徐 xu", "孙 sun", "马 ma", "朱 zhu", "胡 hu", "郭 guo", "何 he", "高 gao", "林 lin", "罗 luo",
            "郑 zheng", "梁 liang", "谢 xie", "宋 song", "唐 tang", "许 xu", "韩 han", "冯 feng", "邓 deng", "曹 cao",
            "彭 peng", "曾 zeng", "肖 xiao", "田 tian", "董 dong", "袁 yuan", "潘 pan", "于 yu", "蒋 jiang", "蔡 cai",
            "余 yu", "杜 du", "叶 ye", "程 cheng", "苏 su", "魏 wei", "吕 lv", "丁 ding", "任 ren", "沈 shen",
            "姚 yao", "卢 lu", "姜 jiang", "崔 cui", "钟 zhong", "谭 tan", "陆 lu", "汪 wang", "范 fan", "金 jin",
            "石 shi", "廖 liao", "贾 jia", "夏 xia", "韦 wei", "方 fang", "白 bai", "邹 zou", "孟 meng", "熊 xiong",
            "秦 qin", "邱 qiu", "江 jiang", "尹 yin", "薛 xue", "段 duan", "雷 lei", "侯 hou", "龙 long", "史 shi",
            "欧阳 ouyang", "司马 sima");
    static final int[] CN_SURNAME_WEIGHTS = {
            71, 70, 67, 54, 45, 31, 22, 21, 20, 19,
            13, 13, 11, 11, 10, 10, 9, 9, 9, 8,
            8, 7, 6, 6, 6, 5, 5, 5, 5, 5,
            5, 5, 5, 4, 4, 4, 4, 4, 4, 4,
            4, 4, 4, 4, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            1, 1};

    static final List<Word> CN_MALE_GIVEN = words(
            "伟 wei", "强 qiang", "磊 lei", "军 jun", "勇 yong", "杰 jie", "涛 tao", "斌 bin", "超 chao", "明 ming",
            "刚 gang", "平 ping", "辉 hui", "鹏 peng", "华 hua", "飞 fei", "鑫 xin", "波 bo", "宇 yu", "浩 hao",
            "凯 kai", "健 jian", "俊 jun", "帆 fan", "旭 xu", "宁 ning", "建华 jianhua", "建国 jianguo", "志强 zhiqiang",
            "志明 zhiming", "俊杰 junjie", "子轩 zixuan", "浩然 haoran", "宇航 yuhang", "博文 bowen", "文博 wenbo",
            "晨阳 chenyang", "家豪 jiahao", "国强 guoqiang", "海涛 haitao", "建军 jianjun", "晓东 xiaodong",
            "振华 zhenhua", "天宇 tianyu", "明轩 mingxuan", "一鸣 yiming");

    static final List<Word> CN_FEMALE_GIVEN = words(
            "芳 fang", "娜 na", "敏 min", "静 jing", "丽 li", "艳 yan", "娟 juan", "霞 xia", "秀英 xiuying", "玲 ling",
            "婷 ting", "雪 xue", "慧 hui", "莉 li", "颖 ying", "琳 lin", "倩 qian", "洁 jie", "燕 yan", "红 hong",
            "梅 mei", "欣怡 xinyi", "雨涵 yuhan", "梓涵 zihan", "诗涵 shihan", "思彤 sitong", "佳怡 jiayi",
            "晓燕 xiaoyan", "丽娟 lijuan", "海燕 haiyan", "文静 wenjing", "美玲 meiling", "桂英 guiying",
            "淑珍 shuzhen", "春梅 chunmei", "晓红 xiaohong", "雅琪 yaqi", "紫萱 zixuan", "梦琪 mengqi", "可馨 kexin",
            "若曦 ruoxi", "婉清 wanqing", "思雨 siyu", "悦 yue", "萍 ping");

    // ---------------------------------------------------------------- English names

    static final List<String> EN_MALE_FIRST = List.of(
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
            "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
            "Kevin", "Brian", "George", "Timothy", "Ryan", "Jason", "Jacob", "Gary", "Eric", "Jonathan",
            "Nicholas", "Justin", "Brandon", "Samuel", "Benjamin", "Tyler", "Ethan", "Noah", "Liam", "Lucas");

    static final List<String> EN_FEMALE_FIRST = List.of(
            "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
            "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
            "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen",
            "Amy", "Angela", "Anna", "Emma", "Olivia", "Sophia", "Isabella", "Mia", "Grace", "Chloe");

    static final List<String> EN_LAST = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
            "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
            "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
            "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
            "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Chen");

    // ---------------------------------------------------------------- places

    static final List<City> CN_CITIES = List.of(
            cn("上海市", "上海", "上海市", "200", "21", 24,
                    "浦东新区 徐汇区 静安区 黄浦区 长宁区 闵行区 杨浦区", "世纪大道 南京西路 淮海中路 漕溪北路 张江路 四川北路 虹桥路"),
            cn("北京市", "北京", "北京市", "100", "10", 22,
                    "朝阳区 海淀区 东城区 西城区 丰台区", "建国路 中关村大街 长安街 望京街 西直门外大街"),
            cn("广州市", "广州", "广东省", "510", "20", 14, "天河区 越秀区 海珠区 白云区", "天河路 环市东路 中山五路 江南大道"),
            cn("深圳市", "深圳", "广东省", "518", "755", 14, "南山区 福田区 罗湖区 宝安区", "深南大道 科技园路 华强北路 宝安大道"),
            cn("杭州市", "杭州", "浙江省", "310", "571", 9, "西湖区 上城区 滨江区 余杭区", "文三路 延安路 江南大道 文一西路"),
            cn("成都市", "成都", "四川省", "610", "28", 9, "锦江区 武侯区 高新区 青羊区", "春熙路 人民南路 天府大道 蜀都大道"),
            cn("南京市", "南京", "江苏省", "210", "25", 7, "鼓楼区 玄武区 建邺区 秦淮区", "中山路 汉中路 江东中路 太平南路"),
            cn("武汉市", "武汉", "湖北省", "430", "27", 7, "江汉区 武昌区 洪山区 江岸区", "解放大道 中南路 珞喻路 建设大道"),
            cn("西安市", "西安", "陕西省", "710", "29", 5, "雁塔区 碑林区 未央区", "长安北路 高新路 东大街"),
            cn("重庆市", "重庆", "重庆市", "400", "23", 7, "渝中区 江北区 南岸区", "民族路 观音桥大道 南坪正街"),
            cn("天津市", "天津", "天津市", "300", "22", 5, "和平区 南开区 河西区", "南京路 卫津路 友谊路"),
            cn("苏州市", "苏州", "江苏省", "215", "512", 5, "姑苏区 工业园区 吴中区", "人民路 星湖街 东吴北路"));

    private static final String US_STREETS = "Main St|Oak Ave|Maple Dr|Park Ave|Washington St|Elm St|Lakeview Dr|Broadway|"
            + "Market St|2nd Ave|Pine St|Cedar Ln|Highland Ave|Madison Ave|Jefferson Blvd|Sunset Blvd|Church St|Mill Rd|"
            + "River Rd|Franklin St|Lincoln Ave|Spring St|Hillcrest Dr|Walnut St";

    /** Each city has at least two area codes, so every city's block of numbers holds all the demo customers. */
    static final List<City> US_CITIES = List.of(
            us("New York", "NY", "100", NEW_YORK, "212 646 917", 16),
            us("Brooklyn", "NY", "112", NEW_YORK, "718 347 929", 8),
            us("Boston", "MA", "021", NEW_YORK, "617 857", 5),
            us("Philadelphia", "PA", "191", NEW_YORK, "215 267", 6),
            us("Atlanta", "GA", "303", NEW_YORK, "404 678 470", 6),
            us("Miami", "FL", "331", NEW_YORK, "305 786", 5),
            us("Chicago", "IL", "606", CHICAGO, "312 773 872", 10),
            us("Houston", "TX", "770", CHICAGO, "713 281 832", 8),
            us("Dallas", "TX", "752", CHICAGO, "214 469 972", 7),
            us("Minneapolis", "MN", "554", CHICAGO, "612 651", 3),
            us("Denver", "CO", "802", DENVER, "303 720", 4),
            us("Phoenix", "AZ", "850", PHOENIX, "602 480", 5),
            us("Los Angeles", "CA", "900", LOS_ANGELES, "213 310 323", 12),
            us("San Francisco", "CA", "941", LOS_ANGELES, "415 628", 5),
            us("Seattle", "WA", "981", LOS_ANGELES, "206 425", 5),
            us("San Diego", "CA", "921", LOS_ANGELES, "619 858", 5));

    /** Mobile prefixes of the three Chinese operators that every version of the numbering plan accepts. */
    static final List<String> CN_MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "156", "157", "158", "159",
            "180", "181", "182", "183", "184", "185", "186", "187", "188", "189");

    // ---------------------------------------------------------------- organizations

    /** One line of business: the word in a company's name, and the industry written on the record. */
    record Trade(String nameWord, String industry) {
    }

    static final List<String> CN_BRANDS = List.of(
            "恒通", "华信", "中鼎", "鑫达", "瑞丰", "宏远", "天成", "金辉", "永盛", "博华", "泰和", "康达", "联创",
            "盛世", "弘毅", "祥瑞", "德润", "海川", "嘉禾", "启明", "凯信", "众诚", "安泰", "正阳", "佳源", "锦程",
            "明辉", "远航", "通达", "立信");

    static final List<Trade> CN_TRADES = List.of(
            new Trade("贸易", "批发零售"), new Trade("科技", "信息技术"), new Trade("电子", "电子制造"),
            new Trade("物流", "交通物流"), new Trade("食品", "食品饮料"), new Trade("医药", "医药健康"),
            new Trade("建筑工程", "建筑业"), new Trade("服饰", "纺织服装"), new Trade("机械设备", "装备制造"),
            new Trade("化工", "化工"), new Trade("家具", "家居建材"), new Trade("餐饮管理", "餐饮服务"),
            new Trade("汽车销售", "汽车"), new Trade("文化传媒", "文化传媒"), new Trade("商贸", "批发零售"));

    static final List<String> CN_COMPANY_SUFFIXES = List.of("有限公司", "股份有限公司", "集团有限公司", "有限责任公司");
    static final int[] CN_COMPANY_SUFFIX_WEIGHTS = {70, 15, 10, 5};

    static final List<String> EN_BRANDS = List.of(
            "Harbor", "Summit", "Bluewater", "Pioneer", "Evergreen", "Northstar", "Granite", "Redwood", "Lakeside",
            "Silverline", "Keystone", "Liberty", "Cedar", "Atlas", "Beacon", "Horizon", "Ironwood", "Meridian",
            "Oakridge", "Prairie", "Riverbend", "Sterling", "Westfield", "Bayview", "Copperfield", "Frontier",
            "Maple", "Crescent", "Falcon", "Highland", "Juniper", "Lighthouse", "Magnolia", "Pinnacle", "Sierra",
            "Tidewater", "Vantage");

    static final List<Trade> EN_TRADES = List.of(
            new Trade("Logistics", "Transportation and logistics"), new Trade("Trading", "Wholesale trade"),
            new Trade("Software", "Information technology"), new Trade("Foods", "Food and beverage"),
            new Trade("Dental Group", "Healthcare"), new Trade("Medical Supply", "Healthcare"),
            new Trade("Construction", "Construction"), new Trade("Manufacturing", "Manufacturing"),
            new Trade("Auto Parts", "Automotive"), new Trade("Realty", "Real estate"),
            new Trade("Hospitality Group", "Hospitality"), new Trade("Electric", "Electrical equipment"),
            new Trade("Furniture", "Furniture"), new Trade("Media", "Media"), new Trade("Consulting", "Professional services"));

    static final List<String> EN_COMPANY_SUFFIXES = List.of("Inc.", "LLC", "Ltd", "Co.", "Corp.");
    static final int[] EN_COMPANY_SUFFIX_WEIGHTS = {35, 30, 15, 10, 10};

    static final List<String> CN_TITLES = List.of("采购经理", "行政主管", "财务经理", "总经理助理", "运营总监", "IT主管");
    static final List<String> EN_TITLES = List.of("Purchasing Manager", "Office Manager", "Finance Director",
            "Operations Manager", "IT Manager", "Executive Assistant");

    // ---------------------------------------------------------------- individuals

    static final List<String> CN_OCCUPATIONS = List.of(
            "软件工程师", "教师", "医生", "护士", "会计", "销售经理", "公务员", "律师", "设计师", "个体经营者",
            "退休", "学生", "机械工程师", "厨师", "司机", "银行职员", "市场专员", "人力资源专员", "建筑师", "自由职业者");
    static final List<String> EN_OCCUPATIONS = List.of(
            "Software Engineer", "Teacher", "Registered Nurse", "Accountant", "Sales Manager", "Physician", "Attorney",
            "Graphic Designer", "Small Business Owner", "Retired", "Student", "Electrician", "Chef", "Truck Driver",
            "Bank Teller", "Marketing Specialist", "HR Specialist", "Architect", "Freelancer", "Pharmacist");

    static final List<String> CN_EDUCATION = List.of("初中", "高中", "大专", "本科", "硕士", "博士");
    static final List<String> EN_EDUCATION = List.of("Some high school", "High school diploma", "Associate degree",
            "Bachelor's degree", "Master's degree", "Doctorate");
    static final int[] EDUCATION_WEIGHTS = {8, 25, 20, 32, 12, 3};

    static final List<String> CN_INTERESTS = List.of(
            "旅游", "摄影", "阅读", "健身", "烹饪", "音乐", "书法", "茶艺", "登山", "游泳", "电影", "羽毛球", "乒乓球",
            "园艺", "钓鱼");
    static final List<String> EN_INTERESTS = List.of(
            "travel", "photography", "reading", "fitness", "cooking", "music", "hiking", "golf", "gardening",
            "movies", "football", "basketball", "fishing", "yoga", "gaming");

    static final List<String> MARITAL_STATUS = List.of("single", "married", "divorced", "widowed");

    // ---------------------------------------------------------------- products

    static final List<String> CN_CONSUMER_PRODUCTS = List.of(
            "智能手机 X12", "无线耳机", "笔记本电脑 Pro 14", "智能手表 S3", "空气净化器", "扫地机器人", "咖啡机",
            "平板电脑 11", "蓝牙音箱", "延保服务（两年）", "家庭宽带套餐（12个月）", "手机套餐（年付）");
    static final List<String> EN_CONSUMER_PRODUCTS = List.of(
            "Smartphone X12", "Wireless Earbuds", "Laptop Pro 14", "Smart Watch S3", "Air Purifier", "Robot Vacuum",
            "Coffee Machine", "Tablet 11", "Bluetooth Speaker", "Extended Warranty (2 years)",
            "Home Broadband Plan (12 months)", "Mobile Plan (annual)");
    static final List<String> CN_BUSINESS_PRODUCTS = List.of(
            "办公笔记本（批量）", "48口网络交换机", "云存储服务（年付）", "收银终端", "打印机硒鼓（箱）", "年度维保合同",
            "会议室设备套装", "条码扫描枪", "仓储平板终端");
    static final List<String> EN_BUSINESS_PRODUCTS = List.of(
            "Office Laptops (bulk)", "Network Switch 48-port", "Cloud Storage (annual)", "POS Terminals",
            "Printer Toner (case)", "Service Contract (annual)", "Conference Room Kit", "Barcode Scanners",
            "Warehouse Tablets");

    // ---------------------------------------------------------------- contacts

    /** Why a call happened and what the agent wrote: disposition, Chinese note, English note. */
    record Topic(String disposition, String chineseNote, String englishNote) {
    }

    static final List<Topic> INBOUND_TOPICS = List.of(
            new Topic("order-inquiry", "客户询问订单发货时间，已告知预计到货日期", "Asked when the order ships; gave the expected delivery date"),
            new Topic("billing-question", "客户对账单金额有疑问，已解释明细", "Questioned the amount on the bill; explained the line items"),
            new Topic("technical-support", "设备无法联网，指导客户重置后恢复", "Device would not connect; walked the customer through a reset"),
            new Topic("order-placed", "客户来电下单，已确认收货地址", "Placed an order by phone; delivery address confirmed"),
            new Topic("delivery-status", "查询物流进度，已提供运单号", "Checked the delivery status; gave the tracking number"),
            new Topic("complaint", "客户投诉配送延迟，已登记并承诺回电", "Complained about a late delivery; logged and promised a call back"),
            new Topic("account-change", "客户要求变更联系地址，已更新", "Asked to change the contact address; updated"));

    static final List<Topic> OUTBOUND_TOPICS = List.of(
            new Topic("follow-up-done", "售后回访，客户对产品满意", "After-sales follow-up; the customer is happy with the product"),
            new Topic("order-placed", "推荐新品，客户同意下单", "Presented the new model; the customer ordered"),
            new Topic("callback-requested", "客户正忙，约定明天下午再联系", "Customer busy; asked to be called back tomorrow afternoon"),
            new Topic("not-interested", "推荐促销活动，客户暂无需求", "Offered the promotion; not interested for now"),
            new Topic("renewal-agreed", "提醒合同到期，客户同意续约", "Reminded of the contract end; the customer agreed to renew"),
            new Topic("survey-completed", "满意度调查已完成", "Satisfaction survey completed"),
            new Topic("payment-reminder", "提醒客户逾期款项，客户承诺本周付款", "Reminded of the overdue invoice; promised to pay this week"));

    static final List<String> QUEUES = List.of("sales", "support", "billing", "vip");

    /** Service requests: kind is COMPLAINT for the first {@link #COMPLAINT_SUBJECTS} entries. */
    static final int COMPLAINT_SUBJECTS = 4;
    static final List<String> CN_REQUEST_SUBJECTS = List.of(
            "订单延迟发货", "发票金额有误", "产品质量问题：屏幕闪烁", "退款未到账",
            "申请上门安装", "变更账单地址", "保修维修申请", "申请开具增值税发票");
    static final List<String> EN_REQUEST_SUBJECTS = List.of(
            "Order shipped late", "Wrong amount on invoice", "Product defect: screen flickers", "Refund not received",
            "Installation appointment", "Change of billing address", "Warranty repair", "Copy of invoice needed");

    static final List<String> CN_SCORE_COMMENTS = List.of("服务很好", "处理及时", "等待时间太长", "问题没有解决", "客服态度耐心");
    static final List<String> EN_SCORE_COMMENTS = List.of("Great service", "Quick resolution", "Waited too long",
            "Problem not solved", "Very patient agent");

    static final List<String> CN_CARE_PURPOSES = List.of("回访：满意度调查", "续约提醒", "生日祝福", "新品推荐", "季度业务回顾");
    static final List<String> EN_CARE_PURPOSES = List.of("Follow-up call: satisfaction check", "Renewal reminder",
            "Birthday greeting", "New product introduction", "Quarterly business review");

    static final List<String> CAMPAIGN_THEMES = List.of("spring-promo", "summer-sale", "double-11", "black-friday",
            "loyalty-upgrade", "win-back");
    static final List<String> CAMPAIGN_RESPONSES = List.of("purchased", "interested", "no-response", "declined");

    // ---------------------------------------------------------------- helpers

    private static List<Word> words(String... pairs) {
        return java.util.Arrays.stream(pairs).map(p -> {
            int space = p.indexOf(' ');
            return new Word(p.substring(0, space), p.substring(space + 1));
        }).toList();
    }

    private static City cn(String name, String shortName, String region, String postalPrefix, String areaCode, int weight,
                           String districts, String streets) {
        return new City("CN", name, shortName, region, postalPrefix, SHANGHAI, List.of(areaCode),
                List.of(districts.split(" ")), List.of(streets.split(" ")), weight);
    }

    private static City us(String name, String state, String zipPrefix, ZoneId zone, String areaCodes, int weight) {
        return new City("US", name, name, state, zipPrefix, zone, List.of(areaCodes.split(" ")), List.of(),
                List.of(US_STREETS.split("\\|")), weight);
    }
}
