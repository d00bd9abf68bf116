require ["fileinto", "variables"];
if size :over 400 { fileinto "over-400"; }
if size :over 401 { fileinto "over-401"; }
if size :over 415 { fileinto "over-415"; }
if size :over 416 { fileinto "over-416"; }
