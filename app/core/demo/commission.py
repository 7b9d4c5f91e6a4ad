"""Demo: the commission, its two sides, liaison agencies and people."""

from __future__ import annotations

from app.core.models import Commission, LiaisonAgency, Person, Side

COMMISSION = dict(
    name_zh="中苏国防工业联合委员会",
    name_ru="Советско-китайская комиссия по оборонной промышленности",
    name_en="Sino-Soviet Joint Commission on Defence Industry",
)

SIDES = [
    dict(
        position=1,
        code="CN",
        language="zh",
        name_full_zh="中华人民共和国",
        name_full_ru="Китайская Народная Республика",
        name_full_en="People's Republic of China",
        name_short_zh="中国",
        name_short_ru="КНР",
        name_short_en="PRC",
        government_zh="中华人民共和国政府",
        government_ru="Правительство Китайской Народной Республики",
        government_en="the Government of the People's Republic of China",
        delegation_title_zh="中华人民共和国政府代表团",
        delegation_title_ru="Делегация Правительства Китайской Народной Республики",
        delegation_title_en="Delegation of the Government of the People's Republic of China",
        agencies=[
            (
                "第二机械工业部",
                "Второе министерство машиностроения КНР",
                "Second Ministry of Machine Building",
            ),
            (
                "中华人民共和国驻苏联大使馆商务参赞处",
                "Отдел торгового советника Посольства КНР в СССР",
                "Commercial Office of the PRC Embassy in Moscow",
            ),
        ],
    ),
    dict(
        position=2,
        code="SU",
        language="ru",
        name_full_zh="苏维埃社会主义共和国联盟",
        name_full_ru="Союз Советских Социалистических Республик",
        name_full_en="Union of Soviet Socialist Republics",
        name_short_zh="苏联",
        name_short_ru="СССР",
        name_short_en="USSR",
        government_zh="苏维埃社会主义共和国联盟政府",
        government_ru="Правительство Союза Советских Социалистических Республик",
        government_en="the Government of the Union of Soviet Socialist Republics",
        delegation_title_zh="苏维埃社会主义共和国联盟政府代表团",
        delegation_title_ru="Делегация Правительства Союза Советских Социалистических Республик",
        delegation_title_en="Delegation of the Government of the USSR",
        agencies=[
            (
                "苏联部长会议对外经济联络国家委员会",
                "Государственный комитет Совета Министров СССР по внешним экономическим связям",
                "State Committee for Foreign Economic Relations",
            ),
            (
                "苏联驻华商务代表处",
                "Торговое представительство СССР в КНР",
                "Trade Mission of the USSR in the PRC",
            ),
        ],
    ),
]

# key: (side, name_zh, name_ru, name_latin, organisation_zh, organisation_ru, position_zh, position_ru)
PEOPLE = {
    "wang": ("CN", "王振国", "Ван Чжэньго", "Wang Zhenguo",
             "第二机械工业部", "Второе министерство машиностроения КНР",
             "副部长", "заместитель министра"),
    "li": ("CN", "李文华", "Ли Вэньхуа", "Li Wenhua",
           "第二机械工业部技术司", "Техническое управление Второго министерства машиностроения КНР",
           "司长", "начальник управления"),
    "chen": ("CN", "陈志刚", "Чэнь Чжиган", "Chen Zhigang",
             "中华人民共和国驻苏联大使馆", "Посольство КНР в СССР",
             "商务参赞", "торговый советник"),
    "liu": ("CN", "刘淑珍", "Лю Шучжэнь", "Liu Shuzhen",
            "第二机械工业部外事处", "Отдел внешних связей Второго министерства машиностроения КНР",
            "副处长", "заместитель начальника отдела"),
    "zhang": ("CN", "张建平", "Чжан Цзяньпин", "Zhang Jianping",
              "第二机械工业部第十研究所", "10-й научно-исследовательский институт Второго министерства машиностроения КНР",
              "总工程师", "главный инженер"),
    "zhao": ("CN", "赵明远", "Чжао Минъюань", "Zhao Mingyuan",
             "第二机械工业部外事处", "Отдел внешних связей Второго министерства машиностроения КНР",
             "翻译", "переводчик"),
    "zhou": ("CN", "周学敏", "Чжоу Сюэминь", "Zhou Xuemin",
             "第二机械工业部标准化处", "Отдел стандартизации Второго министерства машиностроения КНР",
             "处长", "начальник отдела"),
    "sun": ("CN", "孙立新", "Сунь Лисинь", "Sun Lixin",
            "第一机械工业部设计总院", "Главный проектный институт Первого министерства машиностроения КНР",
            "副总工程师", "заместитель главного инженера"),
    "gromov": ("SU", "阿·彼·格罗莫夫", "А. П. Громов", "A. P. Gromov",
               "苏联部长会议对外经济联络国家委员会", "Государственный комитет Совета Министров СССР по внешним экономическим связям",
               "副主席", "заместитель председателя"),
    "volkov": ("SU", "尼·谢·沃尔科夫", "Н. С. Волков", "N. S. Volkov",
               "苏联国防工业部技术管理局", "Техническое управление Министерства оборонной промышленности СССР",
               "局长", "начальник управления"),
    "sokolova": ("SU", "玛·伊·索科洛娃", "М. И. Соколова", "M. I. Sokolova",
                 "对外经济联络国家委员会", "Государственный комитет по внешним экономическим связям",
                 "处长", "начальник отдела"),
    "belov": ("SU", "伊·瓦·别洛夫", "И. В. Белов", "I. V. Belov",
              "苏联国防工业部第十一科学研究所", "НИИ-11 Министерства оборонной промышленности СССР",
              "所长", "директор института"),
    "kuznetsov": ("SU", "维·安·库兹涅佐夫", "В. А. Кузнецов", "V. A. Kuznetsov",
                  "苏联驻华商务代表处", "Торговое представительство СССР в КНР",
                  "商务代表", "торговый представитель"),
    "orlov": ("SU", "彼·米·奥尔洛夫", "П. М. Орлов", "P. M. Orlov",
              "苏联国防工业部冶金总局", "Главное металлургическое управление Министерства оборонной промышленности СССР",
              "总工程师", "главный инженер"),
    "lebedeva": ("SU", "安·费·列别杰娃", "А. Ф. Лебедева", "A. F. Lebedeva",
                 "对外经济联络国家委员会", "Государственный комитет по внешним экономическим связям",
                 "翻译", "переводчик"),
    "zaitsev": ("SU", "鲍·尼·扎伊采夫", "Б. Н. Зайцев", "B. N. Zaitsev",
                "苏联部长会议标准、度量衡和测量仪器委员会", "Комитет стандартов, мер и измерительных приборов при Совете Министров СССР",
                "顾问", "консультант"),
}  # fmt: skip


def build(ctx) -> None:
    s = ctx.session
    s.add(Commission(**COMMISSION))
    for spec in SIDES:
        spec = dict(spec)
        agencies = spec.pop("agencies")
        side = Side(**spec)
        side.agencies = [
            LiaisonAgency(position=i, name_zh=zh, name_ru=ru, name_en=en)
            for i, (zh, ru, en) in enumerate(agencies)
        ]
        s.add(side)
        s.flush()
        ctx.sides[side.code] = side.id
    for key, (code, nzh, nru, nlat, ozh, oru, pzh, pru) in PEOPLE.items():
        p = Person(
            side_id=ctx.sides[code],
            name_zh=nzh,
            name_ru=nru,
            name_latin=nlat,
            organisation_zh=ozh,
            organisation_ru=oru,
            position_zh=pzh,
            position_ru=pru,
        )
        s.add(p)
        s.flush()
        ctx.people[key] = p.id
