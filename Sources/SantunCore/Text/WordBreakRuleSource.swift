/// Santun's own ICU word-break rules.
///
/// ICU's default word rules split `#tag`, URLs and `e-mail`, call `hal2` a number, and change
/// between ICU versions (ICU 72 keeps `@mas_dewo` whole, ICU 76 splits it). These rules pin the
/// segmentation Santun needs; every rule is a plain longest match (no chaining), and the status
/// tells the Indonesian layer above what kind of segment it got.
enum SegmentStatus {
    static let space: Int32 = 10
    static let punctRun: Int32 = 50
    static let number: Int32 = 100
    static let word: Int32 = 200
    static let url: Int32 = 600
    static let hashtag: Int32 = 700
    static let mention: Int32 = 800
    static let email: Int32 = 900
    static let emoji: Int32 = 1000
    static let dotted: Int32 = 1100
    static let emoticon: Int32 = 1200
    static let money: Int32 = 1300
}

let wordBreakRuleSource = #"""
!!quoted_literals_only;

$Letter   = [[:Alphabetic:][:M:]];
$Digit    = [[:Nd:]];
$Ignore   = [\u00AD\u200B\u200C\u200D\u2060\uFEFF];
$WordChar = [$Letter $Digit $Ignore \u00B2];
$Joiner   = [\u002D\u0027\u2019\u005F\u002A];
$Alnum    = [A-Za-z0-9];
$UrlChar  = [^[:White_Space:]\u003C\u003E\u0022];
$UrlEnd   = [^[:White_Space:]\u003C\u003E\u0022\u002E\u002C\u0021\u003F\u0029\u005D\u003A\u003B\u0027\u2019\u2026];
$ExtPict  = [[:Extended_Pictographic:]];
$EmojiMod = [[:Emoji_Modifier:]\uFE0F\uFE0E[\U000E0020-\U000E007F]];
$RI       = [[:Regional_Indicator:]];

[:White_Space:]+                                              {10};
[\u0021\u003F]+                                               {50};
[\u002E] [\u002E]+                                            {50};

$Digit+ ([\u002E\u002C] $Digit+)*                             {100};
$Digit* ($Letter | $Ignore) $WordChar* ($Joiner $WordChar+)*  {200};

[Hh][Tt][Tt][Pp] [Ss]? '://' $UrlChar* $UrlEnd                {600};
[Ww][Ww][Ww] '.' $UrlChar* $UrlEnd                            {600};
$Alnum ($Alnum | '-')* ('.' $Alnum ($Alnum | '-')*)* '.' ('com' | 'id' | 'net' | 'org' | 'io' | 'co' | 'ly' | 'me' | 'app' | 'dev' | 'info' | 'biz') ('/' $UrlChar* $UrlEnd)?  {600};

'#' [$Letter $Digit \u005F]+                                  {700};
'@' [A-Za-z0-9_]+ ('.' [A-Za-z0-9_]+)*                        {800};
[A-Za-z0-9._%+\-]+ '@' [A-Za-z0-9\-]+ ('.' [A-Za-z0-9\-]+)+   {900};

$ExtPict $EmojiMod* ([\u200D] $ExtPict $EmojiMod*)*           {1000};
$RI $RI                                                       {1000};
[0-9\u0023\u002A] [\uFE0F]? [\u20E3]                          {1000};

$Letter ('.' $Letter)+                                        {1100};

[\u003A\u003B\u003D] [\u002D\u0027]? [\u0029\u0028\u007C\u002F\u005C\u005B\u005D\u002A]  {1200};
'^_^' | '^^' | '^.^' | '-_-' | '<3' | '^o^'              {1200};

[Rr][Pp] '.'? $Digit+ ([\u002E\u002C] $Digit+)* (',-')?       {1300};
'IDR' $Digit+ ([\u002E\u002C] $Digit+)*                        {1300};
"""#
