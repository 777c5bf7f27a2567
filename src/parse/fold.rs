//! Folding traditional characters to simplified ones, for recognising words only: mirror sites
//! serve documents in traditional script (責任單位, 關於印發…的通知, 發布時間), and the text the
//! planner keeps stays as written.
//!
//! Owns the character table. Every mapping is one BMP CJK character to another, so a folded
//! string has the same byte offsets as its original: positions found in the folded text slice
//! the original. Deliberately small (the words the parser looks for), not a converter.

/// (traditional, simplified) pairs, as one string of alternating characters.
const PAIRS: &str =
    "當当頁页來来發发時时間间體体號号類类機机構构稱称關关於于為为責责單单員员會会門门頭头\
協协與与辦办區区縣县鎮镇級级條条點点擊击數数覽览閱阅讀读編编輯辑錄录開开廳厅務务動动廣广傳传見见\
報报長长東东國国牽牵負负職职屬属導导領领組组織织黨党辦办則则規规劃划標标準准預预應应災灾減减險险\
隱隐檢检查查處处諮咨詢询環环護护強强計计劃划點点項项內内稅税費费產产業业廠厂礦矿險险車车輛辆\
運运輸输務务設设備备監监測测聯联絡络質质響响網网絡络訊讯據据節节態态問问題题論论議议記记實实\
現现經经濟济歷历從从後后並并滅灭營营築筑輔辅導导參参與与門门邊边邏逻輯辑鐵铁軌轨醫医療疗衛卫\
誌志載载寫写讓让說说話话認认識识證证變变總总體体統统籌筹級级屆届萬万億亿個个們们對对這这還还\
進进過过連连選选遞递達达適适遺遗邊边園园圖图團团圍围場场壓压塊块復复夠够屬属帶带幫帮幹干歸归\
週周優优價价儲储鏈链鎖锁錯错鐘钟門门閉闭問问陣阵陽阳際际隊队雙双雜杂難难電电靈灵韓韩頒颁頓顿\
頻频題题顯显風风飛飞養养館馆駐驻驗验體体點点齊齐龍龙紀纪約约級级紅红納纳純纯紙纸細细終终組组\
結结絕绝給给統统絲丝經经綜综綠绿維维網网緊紧線线練练縮缩總总績绩繫系繼继續续纜缆罰罚義义習习\
聖圣聲声肅肃脅胁腦脑與与舊旧艱艰莊庄華华葉叶蘇苏衝冲補补裝装複复規规覺觉視视覽览觀观訂订訓训\
託托記记訪访設设許许診诊評评詞词試试詩诗誠诚誤误課课調调談谈請请諸诸謀谋講讲謝谢證证識识譜谱\
護护讀读變变豐丰貢贡貨货責责賞赏賦赋質质購购貿贸費费資资賓宾趨趋跡迹踐践軍军軟软較较輕轻載载\
農农運运遠远違违適适遷迁鄉乡鄰邻醫医釋释針针鋼钢錢钱鍵键鎮镇長长閒闲閘闸閣阁閩闽闡阐陸陆險险\
雖虽雲云電电順顺須须頌颂領领頭头額额願愿類类顧顾飾饰馬马驅驱騰腾體体鬥斗鹽盐麥麦黃黄齒齿兩两\
亞亚佈布倉仓偵侦備备傷伤傾倾億亿價价儀仪兒儿黨党內内凍冻凱凯劃划劉刘劍剑勁劲動动勞劳勢势勵励\
勸劝區区協协卻却厲厉參参啟启員员喚唤嚴严團团圓圆執执堅坚堯尧報报場场塵尘墊垫壞坏壩坝壯壮夢梦\
奪夺奮奋婦妇孫孙學学寧宁審审寫写寶宝將将專专尋寻導导屆届層层嶺岭巖岩幣币師师帳帐幹干廢废廟庙\
廠厂廣广張张彈弹彌弥徑径從从徹彻態态慣惯慮虑憑凭應应懷怀戰战戶户擁拥擔担據据擴扩攜携擺摆攝摄\
敵敌斷断會会曉晓曆历東东桿杆業业極极構构樣样標标樞枢機机橋桥檢检權权歡欢歲岁歷历殘残氣气決决\
沒没沖冲況况洩泄淺浅測测渾浑湧涌準准溝沟滅灭漁渔漢汉漲涨潔洁潛潜澤泽濟济濱滨灣湾災灾為为烏乌\
無无煙烟煉炼熱热燈灯營营獎奖獨独環环現现瑪玛產产畢毕畫画當当疊叠發发盡尽盤盘眾众礎础確确碼码\
禮礼禍祸種种稅税穩稳窮穷競竞筆笔築筑範范簡简籌筹糧粮紀纪";

fn table() -> &'static [(char, char)] {
    static TABLE: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = PAIRS.chars().collect();
        let mut t: Vec<(char, char)> = chars.chunks(2).map(|p| (p[0], p[1])).collect();
        crate::order::sort_by_key(&mut t, |p| p.0);
        t
    })
}

/// The simplified form of `c`, or `c` itself.
pub fn fold_char(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    let t = table();
    match t.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => t[i].1,
        Err(_) => c,
    }
}

/// `s` with traditional characters folded; same byte length and offsets as `s`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_words_and_keeps_offsets() {
        let t = "（責任單位：市應急管理局牽頭，各區縣按職責分工負責）";
        let f = fold(t);
        assert_eq!(f, "（责任单位：市应急管理局牵头，各区县按职责分工负责）");
        assert_eq!(f.len(), t.len());
        assert_eq!(
            fold("關於印發2017年安全生產工作要點的通知"),
            "关于印发2017年安全生产工作要点的通知"
        );
        assert_eq!(fold("plain ascii"), "plain ascii");
    }
}
