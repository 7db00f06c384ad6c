window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1500000000000000001" ], "editsRemaining" : "5", "isEditEligible" : false } },
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "user_mentions" : [ { "name" : "Coop Sverige", "screen_name" : "coopsverige", "indices" : [ "0", "12" ], "id_str" : "123", "id" : "123" } ],
        "urls" : [ { "url" : "https://t.co/q", "expanded_url" : "https://www.coop.se/medlem/", "indices" : [ "60", "83" ] } ]
      },
      "display_text_range" : [ "0", "83" ],
      "favorite_count" : "3",
      "id_str" : "1500000000000000001",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000000000000001",
      "created_at" : "Mon Oct 05 18:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "@coopsverige Varför vet ni vad jag köpte förra veckan? &gt;:( https://t.co/q",
      "lang" : "sv",
      "in_reply_to_status_id_str" : "1499999999999999999",
      "in_reply_to_screen_name" : "coopsverige"
    }
  },
  {
    "tweet" : {
      "id_str" : "1500000000000000002",
      "id" : "1500000000000000002",
      "created_at" : "Tue Oct 06 07:00:00 +0000 2026",
      "full_text" : "RT @someone: Personalised offers are great when they are not creepy…",
      "lang" : "en",
      "entities" : { "user_mentions" : [ { "screen_name" : "someone" } ], "urls" : [ ] }
    }
  }
]
