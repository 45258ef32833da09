module lxdbridge/gooracle

go 1.19
