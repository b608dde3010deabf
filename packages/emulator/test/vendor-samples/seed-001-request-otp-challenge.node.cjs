// FIXTURE — the vendor's Node.js sample for `POST /v2/CentagateWS/webresources/req/requestOtpChallenge`,
// copied unchanged (tabs, the undefined `sha256` identifier and all) from the "Node Js" tab of the
// CENTAGATE Cloud docs page "Request OTP Challenge API" (page_id 1361), as stored in
// shared/centagate/seeds/001_b27f04574196f9d3.txt. Only this header is ours. The test
// (src/vendor-sample-run.test.ts) fills the `<...>` placeholders in a temporary copy and runs it
// with plain node against the emulator on loopback; see that test for the two things the sample
// cannot do by itself there (API.md 5.19: it names an undefined `sha256`; it speaks HTTPS on 443).
const https = require('https')
var crypto = require('crypto');
var username = "<username>";
var integrationKey = "<integration key>";
var time = Math.round((new Date()).getTime() / 1000);
var unixTimestamp = time.toString();
var devAccId = "<devAccId>";
var authToken = "<authToken>";
var supportFido = "<supportFido>";
var ipAddress = "<ipAddress>";
var userAgent = "<userAgent>";
var browserFp = "<browserFp>";
var secretKey    = "<secretKey>";  
var hmacText = username + devAccId + authToken + integrationKey + unixTimestamp + supportFido + ipAddress + userAgent + browserFp;
var hash, hmac;
/* generate hmac value*/
hmac = crypto.createHmac(sha256, secretKey);    
hmac.write(hmacText);
hmac.end();      
hash = hmac.read().toString('hex');    
const data = JSON.stringify({
	username: username,
	devAccId: devAccId,
	authToken: authToken,
	integrationKey: integrationKey,
	unixTimestamp: unixTimestamp,
	ipAddress: ipAddress,
	supportFido: supportFido,
	userAgent: userAgent,
	browserFp: browserFp,
	hmac: hash
})
const options = {
	hostname: "<domain_name>",
	port: 443,
	path:'/v2/CentagateWS/webresources/req/requestOtpChallenge',
	method: 'POST',
	headers: {
		'Accept': 'application/json',
		'Content-Type': 'application/json',
	}
}
const req = https.request(options, res =>{
	console.log(`HTTP Status Code: ${res.statusCode}`)
	var body = '';
	res.on('data', function(d){
		
	body += d;
	var parsed = JSON.parse(body);
	
	if (parsed.code == 0){
	   console.log('Authentication Succeed');
	   console.log('Response:');
	   console.log(body);
	}
	else {
	  console.log('Authentication Fail, ' +'Message:' + parsed.message);
	  console.log('Code:' + parsed.code); 
	}
		
	})
})
req.on('ERROR', error => {
	console.error(error)
})
req.write(data)
req.end()
