"""Demo: the people the experts register sends, their organisations, and the host organisations.

Soviet experts and aides are named in Russian with the usual Chinese transcription (initials
joined by ·), Chinese specialists and trainees in Chinese with the Palladius transcription in
Russian and pinyin in Latin letters.
"""

from __future__ import annotations

# Home organisations and positions: key -> (zh, ru)
ORGS = {
    "tula": ("图拉兵工厂", "Тульский оружейный завод"),
    "izhevsk": ("伊热夫斯克机械制造厂", "Ижевский машиностроительный завод"),
    "lomo": ("列宁格勒光学机械厂", "Ленинградский оптико-механический завод"),
    "kalinin": ("加里宁第八工厂", "Завод № 8 имени М. И. Калинина"),
    "cniim": ("中央材料科学研究所", "Центральный научно-исследовательский институт материалов"),
    "bauman": ("莫斯科鲍曼高等技术学校", "МВТУ имени Н. Э. Баумана"),
    "uralmash": ("乌拉尔重型机器制造厂", "Уральский завод тяжёлого машиностроения"),
    "nii11": ("苏联国防工业部第十一科学研究所", "НИИ-11 Министерства оборонной промышленности СССР"),
    "p112": ("国营第一一二厂", "Государственный завод № 112"),
    "p247": ("国营第二四七厂", "Государственный завод № 247"),
    "p296": ("国营第二九六厂", "Государственный завод № 296"),
    "p743": ("国营第七四三厂", "Государственный завод № 743"),
    "p845": ("国营第八四五厂", "Государственный завод № 845"),
    "p298": ("国营第二九八厂", "Государственный завод № 298"),
    "inst10": ("第二机械工业部第十研究所", "10-й научно-исследовательский институт Второго министерства машиностроения КНР"),
    "harbin_mil": ("中国人民解放军军事工程学院", "Военно-инженерная академия Народно-освободительной армии Китая"),
}  # fmt: skip

POSITIONS = {
    "chief": ("总工程师", "главный инженер"),
    "lead_designer": ("主任设计师", "ведущий конструктор"),
    "designer": ("设计师", "инженер-конструктор"),
    "technologist": ("工艺工程师", "инженер-технолог"),
    "shop_head": ("车间主任", "начальник цеха"),
    "senior_researcher": ("高级研究员", "старший научный сотрудник"),
    "lab_head": ("实验室主任", "заведующий лабораторией"),
    "foreman": ("工长", "мастер"),
    "technician": ("技术员", "техник"),
    "interpreter": ("翻译", "переводчик"),
    "lab_assistant": ("实验员", "лаборант"),
    "draughtsman": ("绘图员", "чертёжник"),
    "engineer": ("工程师", "инженер"),
    "assistant_engineer": ("助理工程师", "помощник инженера"),
    "deputy_shop_head": ("车间副主任", "заместитель начальника цеха"),
    "inspector": ("检验员", "контролёр ОТК"),
    "junior_researcher": ("助理研究员", "младший научный сотрудник"),
    "skilled_worker": ("高级技工", "рабочий высшей квалификации"),
}

# Soviet experts and aides: key -> (name_zh, name_ru, name_latin, org, position)
SOVIET = {
    "smirnov": ("伊·彼·斯米尔诺夫", "И. П. Смирнов", "I. P. Smirnov", "tula", "chief"),
    "ivanov": ("谢·尼·伊万诺夫", "С. Н. Иванов", "S. N. Ivanov", "izhevsk", "lead_designer"),
    "petrov": ("阿·瓦·彼得罗夫", "А. В. Петров", "A. V. Petrov", "kalinin", "designer"),
    "mikhailov": ("米·费·米哈伊洛夫", "М. Ф. Михайлов", "M. F. Mikhailov", "cniim", "senior_researcher"),
    "fedorov": ("格·阿·费奥多罗夫", "Г. А. Фёдоров", "G. A. Fyodorov", "lomo", "lead_designer"),
    "morozov": ("尼·伊·莫罗佐夫", "Н. И. Морозов", "N. I. Morozov", "uralmash", "shop_head"),
    "vasiliev": ("弗·格·瓦西里耶夫", "В. Г. Васильев", "V. G. Vasilyev", "tula", "technologist"),
    "pavlov": ("康·谢·巴甫洛夫", "К. С. Павлов", "K. S. Pavlov", "kalinin", "technologist"),
    "semenov": ("鲍·米·谢苗诺夫", "Б. М. Семёнов", "B. M. Semyonov", "cniim", "lab_head"),
    "golubev": ("德·彼·戈卢别夫", "Д. П. Голубев", "D. P. Golubev", "izhevsk", "technologist"),
    "vinogradov": ("列·康·维诺格拉多夫", "Л. К. Виноградов", "L. K. Vinogradov", "lomo", "senior_researcher"),
    "bogdanov": ("尤·阿·博格丹诺夫", "Ю. А. Богданов", "Yu. A. Bogdanov", "nii11", "senior_researcher"),
    "vorobiev": ("帕·瓦·沃罗比约夫", "П. В. Воробьёв", "P. V. Vorobyov", "uralmash", "chief"),
    "nikitin": ("费·尼·尼基京", "Ф. Н. Никитин", "F. N. Nikitin", "tula", "foreman"),
    "makarov": ("安·谢·马卡罗夫", "А. С. Макаров", "A. S. Makarov", "kalinin", "lead_designer"),
    "andreev": ("叶·伊·安德烈耶夫", "Е. И. Андреев", "Ye. I. Andreyev", "cniim", "senior_researcher"),
    "kovalev": ("维·彼·科瓦廖夫", "В. П. Ковалёв", "V. P. Kovalyov", "izhevsk", "shop_head"),
    "ilyin": ("格·德·伊林", "Г. Д. Ильин", "G. D. Ilyin", "nii11", "lab_head"),
    "gusev": ("斯·伊·古谢夫", "С. И. Гусев", "S. I. Gusev", "bauman", "senior_researcher"),
    "titov": ("阿·尼·季托夫", "А. Н. Титов", "A. N. Titov", "lomo", "technologist"),
    "kuzmin": ("奥·瓦·库兹明", "О. В. Кузьмин", "O. V. Kuzmin", "uralmash", "technologist"),
    "medvedev": ("伊·格·梅德韦杰夫", "И. Г. Медведев", "I. G. Medvedev", "kalinin", "chief"),
    "antonov": ("雅·彼·安东诺夫", "Я. П. Антонов", "Ya. P. Antonov", "tula", "designer"),
    "tarasov": ("季·费·塔拉索夫", "Т. Ф. Тарасов", "T. F. Tarasov", "bauman", "lab_head"),
    # aides
    "karpova": ("娜·瓦·卡尔波娃", "Н. В. Карпова", "N. V. Karpova", "tula", "interpreter"),
    "ershova": ("塔·伊·叶尔绍娃", "Т. И. Ершова", "T. I. Yershova", "cniim", "lab_assistant"),
    "frolova": ("柳·谢·弗罗洛娃", "Л. С. Фролова", "L. S. Frolova", "kalinin", "draughtsman"),
    "zhukov": ("维·阿·朱可夫", "В. А. Жуков", "V. A. Zhukov", "izhevsk", "technician"),
    "polyakov": ("米·尼·波利亚科夫", "М. Н. Поляков", "M. N. Polyakov", "uralmash", "technician"),
    "kiselev": ("阿·彼·基谢廖夫", "А. П. Киселёв", "A. P. Kiselyov", "lomo", "technician"),
    "komarov": ("尤·伊·科马罗夫", "Ю. И. Комаров", "Yu. I. Komarov", "tula", "foreman"),
    "egorov": ("尼·费·叶戈罗夫", "Н. Ф. Егоров", "N. F. Yegorov", "kalinin", "technician"),
    "stepanova": ("瓦·格·斯捷潘诺娃", "В. Г. Степанова", "V. G. Stepanova", "bauman", "interpreter"),
    "zakharov": ("鲍·谢·扎哈罗夫", "Б. С. Захаров", "B. S. Zakharov", "nii11", "lab_assistant"),
    "nikolaev": ("列·米·尼古拉耶夫", "Л. М. Николаев", "L. M. Nikolayev", "izhevsk", "foreman"),
}  # fmt: skip

# Chinese specialists and trainees: key -> (name_zh, name_ru, name_latin, org, position)
CHINESE = {
    "wang_dm": ("王德明", "Ван Дэмин", "Wang Deming", "p296", "engineer"),
    "li_gh": ("李国华", "Ли Гохуа", "Li Guohua", "p296", "technician"),
    "zhang_zq": ("张志强", "Чжан Чжицян", "Zhang Zhiqiang", "p296", "skilled_worker"),
    "liu_jg": ("刘建国", "Лю Цзяньго", "Liu Jianguo", "p247", "deputy_shop_head"),
    "chen_lx": ("陈立新", "Чэнь Лисинь", "Chen Lixin", "p247", "technician"),
    "yang_xy": ("杨秀英", "Ян Сюин", "Yang Xiuying", "p298", "engineer"),
    "huang_yn": ("黄永年", "Хуан Юннянь", "Huang Yongnian", "p298", "assistant_engineer"),
    "zhao_bs": ("赵宝山", "Чжао Баошань", "Zhao Baoshan", "p743", "shop_head"),
    "wu_zh": ("吴振华", "У Чжэньхуа", "Wu Zhenhua", "p743", "technician"),
    "zhou_jj": ("周家骏", "Чжоу Цзяцзюнь", "Zhou Jiajun", "inst10", "junior_researcher"),
    "xu_wb": ("徐文彬", "Сюй Вэньбинь", "Xu Wenbin", "inst10", "engineer"),
    "sun_gl": ("孙桂兰", "Сунь Гуйлань", "Sun Guilan", "inst10", "junior_researcher"),
    "ma_ds": ("马德胜", "Ма Дэшэн", "Ma Desheng", "p845", "skilled_worker"),
    "zhu_cz": ("朱承志", "Чжу Чэнчжи", "Zhu Chengzhi", "p845", "engineer"),
    "hu_gy": ("胡光耀", "Ху Гуанъяо", "Hu Guangyao", "p112", "engineer"),
    "guo_zp": ("郭正平", "Го Чжэнпин", "Guo Zhengping", "p112", "inspector"),
    "he_yz": ("何玉珍", "Хэ Юйчжэнь", "He Yuzhen", "p112", "assistant_engineer"),
    "gao_ss": ("高树森", "Гао Шусэнь", "Gao Shusen", "harbin_mil", "engineer"),
    "lin_ht": ("林海涛", "Линь Хайтао", "Lin Haitao", "harbin_mil", "junior_researcher"),
    "luo_qy": ("罗庆云", "Ло Цинъюнь", "Luo Qingyun", "p247", "engineer"),
    "zheng_kq": ("郑克勤", "Чжэн Кэцинь", "Zheng Keqin", "p743", "engineer"),
    "liang_zb": ("梁振邦", "Лян Чжэньбан", "Liang Zhenbang", "p296", "deputy_shop_head"),
    "xie_bj": ("谢秉钧", "Се Бинцзюнь", "Xie Bingjun", "p298", "technician"),
    "song_yy": ("宋毓英", "Сун Юйин", "Song Yuying", "inst10", "engineer"),
    "tang_yx": ("唐耀先", "Тан Яосянь", "Tang Yaoxian", "p845", "technician"),
    "han_df": ("韩德福", "Хань Дэфу", "Han Defu", "p112", "skilled_worker"),
    "feng_zl": ("冯兆麟", "Фэн Чжаолинь", "Feng Zhaolin", "harbin_mil", "engineer"),
    "deng_wm": ("邓伟民", "Дэн Вэйминь", "Deng Weimin", "p743", "assistant_engineer"),
    "cao_js": ("曹金生", "Цао Цзиньшэн", "Cao Jinsheng", "p247", "skilled_worker"),
    "peng_sl": ("彭树林", "Пэн Шулинь", "Peng Shulin", "p845", "engineer"),
    "zeng_qh": ("曾庆华", "Цзэн Цинхуа", "Zeng Qinghua", "p298", "engineer"),
    "xiao_cc": ("萧长春", "Сяо Чанчунь", "Xiao Changchun", "p112", "technician"),
    "tian_jj": ("田家骥", "Тянь Цзяцзи", "Tian Jiaji", "inst10", "junior_researcher"),
    "dong_xf": ("董秀芳", "Дун Сюфан", "Dong Xiufang", "harbin_mil", "assistant_engineer"),
    "yuan_gd": ("袁国栋", "Юань Годун", "Yuan Guodong", "p296", "engineer"),
    "pan_sw": ("潘绍武", "Пань Шаоу", "Pan Shaowu", "p743", "skilled_worker"),
}  # fmt: skip

# Host organisations: key -> (organisation zh, ru, place zh, ru)
HOSTS = {
    "p112": ("国营第一一二厂", "Государственный завод № 112", "沈阳", "Шэньян"),
    "p247": ("国营第二四七厂", "Государственный завод № 247", "包头", "Баотоу"),
    "p296": ("国营第二九六厂", "Государственный завод № 296", "重庆", "Чунцин"),
    "p743": ("国营第七四三厂", "Государственный завод № 743", "太原", "Тайюань"),
    "p845": ("国营第八四五厂", "Государственный завод № 845", "西安", "Сиань"),
    "p298": ("国营第二九八厂", "Государственный завод № 298", "昆明", "Куньмин"),
    "inst10": ("第二机械工业部第十研究所", "10-й научно-исследовательский институт Второго министерства машиностроения КНР",
               "北京", "Пекин"),
    "harbin_mil": ("中国人民解放军军事工程学院", "Военно-инженерная академия Народно-освободительной армии Китая",
                   "哈尔滨", "Харбин"),
    "taiyuan_heavy": ("太原重型机器厂", "Тайюаньский завод тяжёлого машиностроения", "太原", "Тайюань"),
    "tula": ("图拉兵工厂", "Тульский оружейный завод", "图拉", "Тула"),
    "izhevsk": ("伊热夫斯克机械制造厂", "Ижевский машиностроительный завод", "伊热夫斯克", "Ижевск"),
    "lomo": ("列宁格勒光学机械厂", "Ленинградский оптико-механический завод", "列宁格勒", "Ленинград"),
    "uralmash": ("乌拉尔重型机器制造厂", "Уральский завод тяжёлого машиностроения", "斯维尔德洛夫斯克", "Свердловск"),
    "kalinin": ("加里宁第八工厂", "Завод № 8 имени М. И. Калинина", "斯维尔德洛夫斯克", "Свердловск"),
    "bauman": ("莫斯科鲍曼高等技术学校", "МВТУ имени Н. Э. Баумана", "莫斯科", "Москва"),
    "cniim": ("中央材料科学研究所", "Центральный научно-исследовательский институт материалов", "列宁格勒",
              "Ленинград"),
    "vnii_st": ("全苏标准化科学研究所", "Всесоюзный научно-исследовательский институт стандартизации", "莫斯科",
                "Москва"),
    "gaz": ("高尔基汽车厂", "Горьковский автомобильный завод", "高尔基", "Горький"),
    "nii11": ("苏联国防工业部第十一科学研究所", "НИИ-11 Министерства оборонной промышленности СССР", "莫斯科",
              "Москва"),
}  # fmt: skip

#: The host cities in English, by their Russian names.
PLACES_EN = {
    "Пекин": "Beijing", "Шэньян": "Shenyang", "Баотоу": "Baotou", "Чунцин": "Chongqing", "Тайюань": "Taiyuan",
    "Сиань": "Xi'an", "Куньмин": "Kunming", "Харбин": "Harbin", "Тула": "Tula", "Ижевск": "Izhevsk",
    "Ленинград": "Leningrad", "Свердловск": "Sverdlovsk", "Москва": "Moscow", "Горький": "Gorky",
}  # fmt: skip

# Fields of speciality: key -> (zh, ru)
SPECIALITIES = {
    "artillery": ("火炮设计", "проектирование артиллерийских систем"),
    "small_arms": ("枪械生产工艺", "технология производства стрелкового оружия"),
    "ammunition": ("弹药生产工艺", "технология производства боеприпасов"),
    "optics": ("光学仪器制造", "производство оптических приборов"),
    "steel": ("特种钢冶炼", "выплавка специальных сталей"),
    "heat": ("热处理", "термическая обработка"),
    "metrology": ("精密测量", "точные измерения"),
    "radar": ("无线电定位设备", "радиолокационная аппаратура"),
    "powder": ("火药和炸药", "пороха и взрывчатые вещества"),
    "machine_tools": ("机床调整", "наладка металлорежущих станков"),
    "welding": ("焊接工艺", "технология сварки"),
    "standards": ("技术标准化", "техническая стандартизация"),
    "translation": ("技术翻译", "технический перевод"),
    "lab": ("理化检验", "физико-химические испытания"),
    "drawings": ("技术文件", "техническая документация"),
}

TERMS = {
    "su_expert": (
        "按照关于苏联专家在中华人民共和国工作条件的议定书办理：工资由中方按规定标准支付，住房、交通和医疗由接待单位负责，"
        "往返旅费由中方承担。",
        "В соответствии с Протоколом об условиях работы советских специалистов в КНР: заработная плата "
        "выплачивается китайской стороной по установленным ставкам, жильё, транспорт и медицинское "
        "обслуживание обеспечивает принимающая организация, проезд в оба конца оплачивает китайская сторона.",
    ),
    "cn_trainee": (
        "实习期间的生活费和往返旅费由中方负担；苏方接待单位免费提供技术指导和实习条件，住宿由接待单位安排，费用由中方支付。",
        "Расходы на содержание стажёров и проезд в оба конца несёт китайская сторона; принимающая организация "
        "безвозмездно обеспечивает техническое руководство и условия для стажировки, жильё предоставляет "
        "принимающая организация за счёт китайской стороны.",
    ),
    "visit": (
        "往返旅费由派遣方负担，接待方提供住宿和当地交通。",
        "Проезд в оба конца оплачивает направляющая сторона; принимающая сторона предоставляет жильё и "
        "местный транспорт.",
    ),
}
